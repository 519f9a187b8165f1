package dev.payments.platform.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Caffeine classes the service's caches need in the native image that Quarkus's Caffeine extension does not
 * register itself (it registers the common ones). Caffeine picks a node class by name for each cache configuration;
 * expiring entries a while after their last access, with a maximum size (the rate limits' per-key copies and per-address
 * buckets), takes PSAMS. The other configurations here (expiring after write, with a maximum size) are registered by
 * the extension.
 */
@RegisterForReflection(classNames = "com.github.benmanes.caffeine.cache.PSAMS", methods = true, fields = true)
final class CaffeineNativeClasses {

    private CaffeineNativeClasses() {
    }
}
