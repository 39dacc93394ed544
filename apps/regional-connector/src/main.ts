import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { REGIONAL_CONNECTOR_APP } from './regional-connector.app';

void runHubApp(REGIONAL_CONNECTOR_APP);
