/**
 * Not API: the machinery the public classes share across packages (parameter checks, the reflection over sampled
 * parameter records, pending and fused warps, label filtering, displacement-field labels). It may change in any
 * release; use the public packages ({@code org.augment4j}, {@code .transform.*}, {@code .target}, {@code .serial},
 * {@code .loader}, {@code .opencv}).
 */
package org.augment4j.internal;
