// What Meridian deploys, in one place: every check that enumerates services
// or workers (Dockerfile targets, compose services and their Prometheus scrape
// targets, the chart's Deployments, probes, Ingress routes and ServiceMonitor)
// reads these lists, so a new service is one entry here, not an edit in each check.

/**
 * The bounded-context HTTP services.
 * - target: Dockerfile target, image name and compose service (apps/<target>/src/main.ts);
 * - chartKey: services.<chartKey> in the chart's values (Deployment <fullname>-<chartKey>);
 * - hostPort: compose's published port on 127.0.0.1 (container port 3000);
 * - routes: API prefixes the Ingress must send to this service;
 * - largeBody: paths that must accept request bodies of at least minBytes
 *   through ingress-nginx (nginx.ingress.kubernetes.io/proxy-body-size);
 * - needs: variables the service must get in every deployment, because
 *   without them a part of it (read side, process manager) is silently off.
 */
const httpServices = [
  {
    target: 'opportunities-service',
    chartKey: 'opportunities',
    hostPort: 3001,
    routes: ['/api/v1/opportunities', '/api/v1/analytics'],
    largeBody: [],
    needs: ['KAFKA_BROKERS', 'MONGODB_URL'],
  },
  {
    target: 'customers-service',
    chartKey: 'customers',
    hostPort: 3002,
    routes: ['/api/v1/customers'],
    // CSV imports of up to 32 MB; MiB here, so that both readings of "MB" fit.
    largeBody: [{ path: '/api/v1/customers/imports', minBytes: 32 * 1024 * 1024 }],
    needs: ['KAFKA_BROKERS', 'MONGODB_URL'],
  },
  {
    target: 'orders-service',
    chartKey: 'orders',
    hostPort: 3003,
    routes: ['/api/v1/orders'],
    largeBody: [],
    needs: ['KAFKA_BROKERS', 'MONGODB_URL'],
  },
];

/**
 * The workers, which serve /metrics, /health/live and /health/ready on a port
 * of their own (libs/platform/nest/src/process/worker-http-server.ts).
 * - target: Dockerfile target, image and compose service; also the chart's
 *   values key and Deployment component;
 * - portVariable, defaultPort: where the worker listens (its config loader's
 *   setting and default); image, compose, probes and scrape targets must agree.
 */
const workers = [
  { target: 'relay', portVariable: 'RELAY_HTTP_PORT', defaultPort: 9464 },
  { target: 'projections', portVariable: 'PROJECTIONS_HTTP_PORT', defaultPort: 9465 },
];

/**
 * Every Dockerfile target that is an image: which config loader judges its
 * environment (kind), and which variable holds the port its health check and
 * metrics are on (the HTTP hosts: PORT, 3000 by default).
 */
const deployables = [
  ...httpServices.map(({ target }) => ({ target, kind: 'http', portVariable: 'PORT', defaultPort: 3000 })),
  ...workers.map((worker) => ({ ...worker, kind: worker.target })),
  { target: 'standalone', kind: 'http', portVariable: 'PORT', defaultPort: 3000 },
];

module.exports = { httpServices, workers, deployables };
