package dev.settle.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that legitimately holds {@code double}/{@code float} values that are not money
 * (rates, ratios, durations for display). The architecture test forbids floating-point fields and
 * parameters everywhere else, so that money can never slip into one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface NonMonetary {
    /** Why floating point is acceptable here. */
    String value();
}
