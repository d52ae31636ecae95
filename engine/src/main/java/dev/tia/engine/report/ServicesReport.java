package dev.tia.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tia.engine.select.Selection;
import dev.tia.engine.select.ServiceResult;


/** Affected services as JSON or as a GitHub Actions matrix. */
public final class ServicesReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServicesReport() {
    }

    public static String render(Selection selection, ListFormat format) {
        ObjectNode root = MAPPER.createObjectNode();
        if (format == ListFormat.GITHUB_MATRIX) {
            ArrayNode include = root.putArray("include");
            for (ServiceResult service : selection.services()) {
                include.addObject().put("service", service.name()).put("path", service.path());
            }
        } else {
            ArrayNode services = root.putArray("services");
            for (ServiceResult service : selection.services()) {
                services.addObject().put("name", service.name()).put("path", service.path())
                        .put("direct", service.direct()).put("reason", service.reason());
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }
}
