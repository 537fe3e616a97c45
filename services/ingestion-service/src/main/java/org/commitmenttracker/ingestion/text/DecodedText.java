package org.commitmenttracker.ingestion.text;

import java.nio.charset.Charset;

/** Text decoded from bytes, and the character set it was found to be in. */
public record DecodedText(String text, Charset charset) {
}
