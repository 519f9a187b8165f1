package dev.payments.payments.writing;

/**
 * An item of a batch request with its position in the request (from 0), which everything made of it keeps: the answer
 * names each item by its position.
 */
public record Positioned<T>(int index, T item) {

    /** {@code other} at this item's position. */
    public <R> Positioned<R> with(R other) {
        return new Positioned<>(index, other);
    }
}
