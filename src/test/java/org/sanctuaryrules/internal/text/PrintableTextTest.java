package org.sanctuaryrules.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text from rule and data files on one line of a report, with what would change the display shown as escapes. */
class PrintableTextTest {
    @Test
    void lineBreaksTabsAndControlsBecomeVisible() {
        assertEquals("held\\nPASS  forged\\u001B[2J\\t\\r", PrintableText.oneLine("held\nPASS  forged\u001b[2J\t\r"));
        assertEquals("a\\u202Eb\\u200Bc\\u2028d\\u0085e\\u007F", PrintableText.oneLine("a\u202eb\u200bc\u2028d\u0085e\u007f"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "N.Y.C. Admin. Code § 14-154(b)(1) — “judicial warrant”, naïve";
        assertSame(text, PrintableText.oneLine(text));
        assertNull(PrintableText.oneLine(null));
    }
}
