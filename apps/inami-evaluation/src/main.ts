import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { INAMI_EVALUATION_APP } from './inami-evaluation.app';

void runHubApp(INAMI_EVALUATION_APP);
