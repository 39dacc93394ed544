import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { GATEWAY_APP } from './gateway.app';

void runHubApp(GATEWAY_APP);
