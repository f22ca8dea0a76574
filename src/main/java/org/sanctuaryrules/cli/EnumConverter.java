package org.sanctuaryrules.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.sanctuaryrules.internal.text.NearestName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An option's enum value in any case, and for a misspelt one the values allowed and the one it was likely meant to be. */
final class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw new TypeConversionException("'" + value + "' is not allowed" + NearestName.suggestion(value, allowed)
                + "; use one of: " + String.join(", ", allowed));
    }
}
