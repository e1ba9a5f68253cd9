import { serveParent } from './child';
import { driveGraphQL } from './http';

/** The load generator in a process of its own: autocannon never competes with an API for its event loop. */
serveParent({ drive: driveGraphQL });
