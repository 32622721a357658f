package jp.ishigaki.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jp.ishigaki.schemas.topic.Json;

import java.util.List;

/** Loads the JSON Schema files of {@code src/main/resources/schemas} with a real draft 2020-12 validator. */
final class ContractSchemas {

    private static final String BASE = "https://schemas.ishigaki.jp/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:schemas/")));

    private ContractSchemas() {
    }

    static Schema forTopic(String topic) {
        return REGISTRY.getSchema(SchemaLocation.of(BASE + topic + ".schema.json"));
    }

    static List<Error> validate(String topic, byte[] json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return forTopic(topic).validate(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
