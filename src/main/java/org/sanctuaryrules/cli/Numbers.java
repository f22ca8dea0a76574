package org.sanctuaryrules.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for numeric options that say which range is allowed, instead of accepting any number. */
final class Numbers {
    private Numbers() {
    }

    /** A count: 0 or more. */
    static final class Count implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n = whole(value);
            if (n < 0) {
                throw new TypeConversionException("'" + value + "' is negative; give 0 or more");
            }
            return n;
        }
    }

    /** 0 or more, as an int. */
    static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, new Count().convert(value)));
        }
    }

    /** 1 or more, as an int. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = whole(value);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is not 1 or more");
            }
            return (int) n;
        }
    }

    /** A percentage: 0 to 100. */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number; give a percentage from 0 to 100");
            }
            if (!(d >= 0 && d <= 100)) {
                throw new TypeConversionException("'" + value + "' is not a percentage from 0 to 100");
            }
            return d;
        }
    }

    private static long whole(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
