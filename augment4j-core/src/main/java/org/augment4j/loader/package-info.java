/**
 * What a training loop iterates, framework-neutral: {@link org.augment4j.loader.Loader} runs a pipeline over a
 * {@link org.augment4j.loader.SampleSource} on a few worker threads and yields augmented samples in source order,
 * reproducibly whatever the thread count; {@link org.augment4j.loader.Loader#batches(Batching)} stacks them into
 * {@link org.augment4j.loader.Batch}es of NCHW float32 images with their labels; {@link org.augment4j.loader.Tensors}
 * converts one image (or mask) to channels-first arrays; {@link org.augment4j.loader.ImageFolder} lists a
 * classification dataset in torchvision's {@code root/<class>/<image>} layout.
 *
 * <p>A classification loader, what torchvision's {@code ImageFolder} + Albumentations + {@code ToTensorV2} +
 * {@code DataLoader(batch_size=32, shuffle=True)} give in Python (14 lines there, 15 here; tested as written in
 * {@code LoaderBatchesTest}):
 *
 * <pre>{@code
 * Compose train = new Compose(List.of(
 *         new RandomResizedCrop(224, 224),
 *         new HorizontalFlip(),
 *         new Normalize()));                                       // ImageNet mean and std: float32 out
 * SampleSource data = SampleSource.imageFolder(Path.of("data/train")); // data/train/<class>/<image>
 * List<String> classes = data.classes();                               // sorted folder names
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     try (Loader loader = Loader.builder(train).source(data.shuffled(epoch)).threads(4).seed(epoch).build()) {
 *         for (Batch batch : loader.batches(32)) {                     // the last one may hold fewer
 *             try (batch) {
 *                 model.step(batch.images(), batch.shape(), batch.labels()); // float[] NCHW, {N,3,224,224}, int[]
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * The same seed and shuffle seed give the same batches on every run, with any thread count. Instead of a
 * {@code Normalize} step, {@code Batching.of(32).normalization(Normalization.IMAGENET)} normalises while stacking, to
 * the same floats. Nothing here depends on a deep-learning framework: the arrays and shapes are what a framework's
 * tensor constructor takes.
 */
package org.augment4j.loader;
