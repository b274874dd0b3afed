import { z } from 'zod';
import { admin, html, json, jsonSchemaOf, open, type PathOperations } from './openapi.kit';

export const SERVICE_PATHS: PathOperations = {
  '/healthz': {
    get: open({ operationId: 'getHealth', tags: ['service'], summary: 'Alive', responses: { 200: json('Health', 'Alive') } }),
  },
  '/readyz': {
    get: open({
      operationId: 'getReadiness',
      tags: ['service'],
      summary: 'Ready: Redis and the search engine answer',
      responses: { 200: json('Readiness', 'Ready'), 503: json('Readiness', 'Not ready: `away` names the parts that do not answer') },
    }),
  },
  '/metrics': {
    get: open({
      operationId: 'getMetrics',
      tags: ['service'],
      summary: 'Prometheus metrics (text exposition format)',
      responses: { 200: { description: 'Metrics', content: { 'text/plain': { schema: jsonSchemaOf(z.string()) } } } },
    }),
  },
  '/openapi.json': {
    get: open({
      operationId: 'getOpenApiDocument',
      tags: ['service'],
      summary: 'This document',
      responses: { 200: json('OpenApiDocument', 'OpenAPI 3.1 document') },
    }),
  },
  '/admin/queues': {
    get: admin({
      operationId: 'getQueuesDashboard',
      tags: ['admin'],
      summary: 'Bull Board: the queues dashboard (its assets and JSON API live under this prefix)',
      description:
        "Served with its own Content-Security-Policy (frame-ancestors 'none'). `?token=<API_TOKEN>` once sets an HttpOnly session cookie (Secure when the request came over TLS, read from X-Forwarded-Proto with API_TRUST_PROXY) and redirects (303) to the address without it.",
      responses: { 200: html('The dashboard') },
    }),
  },
};
