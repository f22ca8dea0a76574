package org.sanctuaryrules.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.sanctuaryrules.scenario.ScenarioLoader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --as-of} as an ISO date within the years scenario dates may have, with a message that shows the shape. */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date: write YYYY-MM-DD, such as 2013-06-01");
        }
        if (date.isBefore(ScenarioLoader.EARLIEST_DATE) || date.isAfter(ScenarioLoader.LATEST_DATE)) {
            throw new TypeConversionException(date + " is outside " + ScenarioLoader.EARLIEST_DATE.getYear() + "–"
                    + ScenarioLoader.LATEST_DATE.getYear() + ", the years a scenario's dates may have");
        }
        return date;
    }
}
