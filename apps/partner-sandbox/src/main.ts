import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { PARTNER_SANDBOX_APP } from './partner-sandbox.app';

void runHubApp(PARTNER_SANDBOX_APP);
