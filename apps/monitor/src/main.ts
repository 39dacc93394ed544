import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { MONITOR_APP } from './monitor.app';

void runHubApp(MONITOR_APP);
