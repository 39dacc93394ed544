import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { CPMT_CONNECTOR_APP } from './cpmt-connector.app';

void runHubApp(CPMT_CONNECTOR_APP);
