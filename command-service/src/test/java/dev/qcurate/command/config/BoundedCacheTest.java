package dev.qcurate.command.config;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    @Test
    void keepsEntriesByStrongReferenceAcrossCollections() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("q1", new Object());

        System.gc();

        assertThat(cache.containsKey("q1")).isTrue();
    }

    @Test
    void holdsAtMostItsSize() {
        BoundedCache cache = new BoundedCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put("q" + i, i);
        }

        long kept = java.util.stream.IntStream.range(0, 1_000)
                .filter(i -> cache.containsKey("q" + i))
                .count();

        assertThat(kept).isLessThanOrEqualTo(100);
    }

    @Test
    void removeForgetsTheEntryAndTellsListeners() {
        BoundedCache cache = new BoundedCache(10);
        List<String> removed = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add((String) key);
            }
        });
        cache.put("q1", "v1");

        assertThat(cache.remove("q1")).isTrue();
        assertThat(cache.remove("q1")).isFalse();
        assertThat(cache.<String, Object>get("q1")).isNull();
        assertThat(removed).containsExactly("q1");
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        BoundedCache cache = new BoundedCache(10);

        assertThat(cache.putIfAbsent("q1", "first")).isTrue();
        assertThat(cache.putIfAbsent("q1", "second")).isFalse();
        assertThat(cache.<String, String>get("q1")).isEqualTo("first");
    }

    @Test
    void sizeZeroKeepsNothing() {
        BoundedCache cache = new BoundedCache(0);
        cache.put("q1", "v1");

        assertThat(cache.containsKey("q1")).isFalse();
    }
}
