package org.commitmenttracker.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tracker.web.*}: how much of a request any service reads before it refuses it.
 *
 * @param maxRequestBody a request body larger than this is refused with 413 before anything parses it (multipart
 *                       forms excepted: the servlet container's multipart limits bound those); it also bounds a
 *                       JSON document's length
 * @param json           what a JSON body may contain
 */
@ConfigurationProperties("tracker.web")
public record InputLimits(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue Json json) {

    /**
     * @param maxNestingDepth   objects and arrays within each other
     * @param maxStringLength   characters of one string value
     * @param maxNumberLength   digits of one number
     */
    public record Json(@DefaultValue("32") int maxNestingDepth, @DefaultValue("256KB") DataSize maxStringLength,
                       @DefaultValue("64") int maxNumberLength) {
    }
}
