package org.commitmenttracker.service.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tracker.web.*}: how much of a request any service reads before it refuses it.
 *
 * @param maxRequestBody a request body larger than this is refused with 413 before anything parses it (multipart
 *                       {@code streamedBodies} excepted); it also bounds a JSON document's length
 * @param json           what a JSON body may contain
 * @param streamedBodies media types whose bodies the filter leaves to the code that reads them, because that code
 *                       streams them to disk and bounds them itself: multipart forms (the servlet container's multipart
 *                       limits), and whatever a service adds (ingestion's uploads)
 */
@ConfigurationProperties("tracker.web")
public record InputLimits(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue Json json,
                          @DefaultValue("multipart/form-data") List<String> streamedBodies) {

    /**
     * @param maxNestingDepth   objects and arrays within each other
     * @param maxStringLength   characters of one string value
     * @param maxNumberLength   digits of one number
     */
    public record Json(@DefaultValue("32") int maxNestingDepth, @DefaultValue("256KB") DataSize maxStringLength,
                       @DefaultValue("64") int maxNumberLength) {
    }
}
