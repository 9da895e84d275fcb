package fr.gasp.query.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The median of counted values equals the median of the values written out one by one. */
class MediansTest {

    @Test
    void no_value_has_no_median() {
        assertThat(Medians.of(Map.of())).isNull();
    }

    @Test
    void the_middle_value_or_the_mean_of_the_two_middle_ones() {
        assertThat(Medians.of(Map.of(7L, 1L))).isEqualTo(7.0);
        assertThat(Medians.of(Map.of(3L, 1L, 10L, 1L))).isEqualTo(6.5);
        assertThat(Medians.of(Map.of(3L, 2L, 10L, 1L))).isEqualTo(3.0);
        assertThat(Medians.of(Map.of(0L, 2L, 4L, 1L, 100L, 1L))).isEqualTo(2.0);
    }

    @Test
    void counted_values_give_the_median_of_the_values_written_out() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            Map<Long, Long> counts = new HashMap<>();
            List<Long> values = new ArrayList<>();
            for (int distinct = 1 + random.nextInt(6); distinct > 0; distinct--) {
                long value = random.nextInt(400);
                long times = 1 + random.nextInt(4);
                counts.merge(value, times, Long::sum);
                for (long time = 0; time < times; time++) {
                    values.add(value);
                }
            }
            List<Long> sorted = values.stream().sorted().toList();
            int middle = sorted.size() / 2;
            double expected = sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
            assertThat(Medians.of(counts)).as("%s", counts).isEqualTo(expected);
        }
    }
}
