/**
 * The parallel loader a training loop iterates: {@link org.augment4j.loader.Loader} runs a pipeline over a
 * {@link org.augment4j.loader.SampleSource} on a few worker threads and yields augmented samples in source order,
 * reproducibly whatever the thread count.
 */
package org.augment4j.loader;
