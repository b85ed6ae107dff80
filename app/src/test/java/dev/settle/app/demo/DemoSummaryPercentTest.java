package dev.settle.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's match rate: two decimals, rounded down, so it is never overstated. */
class DemoSummaryPercentTest {

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            86     | 89     | 96.62 %
            26     | 29     | 89.65 %
            99999  | 100000 | 99.99 %
            100000 | 100000 | 100.00 %
            1      | 3      | 33.33 %
            0      | 7      | 0.00 %
            0      | 0      | n/a
            """)
    void match_rates_are_rounded_down(long part, long whole, String expected) {
        assertThat(DemoSummary.percent(part, whole)).isEqualTo(expected);
    }
}
