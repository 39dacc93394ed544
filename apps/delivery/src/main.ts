import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { DELIVERY_APP } from './delivery.app';

void runHubApp(DELIVERY_APP);
