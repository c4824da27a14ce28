// Worker-thread entry: prepares the generator's rows and hands them to the writer (see seedRows.ts).
import { workerData, type MessagePort } from 'node:worker_threads';
import { serveBatches } from './seedRows';
import type { SeedOptions } from './seedRows';

const { options, control, port } = workerData as { options: SeedOptions; control: Int32Array; port: MessagePort };
// The port stays open: the writer terminates this worker once it has read the last message.
serveBatches(options, control, (m) => port.postMessage(m));
