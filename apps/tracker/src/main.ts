import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { TRACKER_APP } from './tracker.app';

void runHubApp(TRACKER_APP);
