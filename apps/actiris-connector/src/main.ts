import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { ACTIRIS_CONNECTOR_APP } from './actiris-connector.app';

void runHubApp(ACTIRIS_CONNECTOR_APP);
