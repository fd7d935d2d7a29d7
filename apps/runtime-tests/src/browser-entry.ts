import { runTrainingFixture } from './training-fixture';

// What the page (or the VM playing one) reads: the fixture's result, or the error it threw.
const target = globalThis as { __training?: Promise<unknown> };
target.__training = runTrainingFixture();
