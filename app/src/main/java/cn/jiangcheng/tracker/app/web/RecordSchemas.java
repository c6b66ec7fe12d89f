package cn.jiangcheng.tracker.app.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the published schemas of the API's records say exactly what goes over the wire. springdoc names a schema
 * after the record's simple name and silently merges two records of the same name, so every such pair is noted in
 * {@link #conflicts()} and {@link ApiDocumentation} refuses to publish a document with any (springdoc logs and
 * swallows what a converter throws, so throwing here would go unnoticed). Records are written whole (nulls included) and read strictly, so every
 * record schema forbids other fields, every field of a record that is answered is required, and a field that Java
 * lets be null is marked nullable.
 */
public class RecordSchemas implements ModelConverter {
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Class<?>> recordsByName = new ConcurrentHashMap<>();
    private final Set<String> conflicts = ConcurrentHashMap.newKeySet();

    @Override
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType type = Json.mapper().constructType(annotated.getType());
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            Class<?> earlier = recordsByName.putIfAbsent(raw.getSimpleName(), raw);
            if (earlier != null && earlier != raw) {
                conflicts.add(raw.getSimpleName() + " (" + earlier.getName() + ", " + raw.getName() + ")");
            }
        }
        return chain.hasNext() ? chain.next().resolve(annotated, context, chain) : null;
    }

    /** Records springdoc met that share a simple name with another one, so that one schema describes both. */
    public List<String> conflicts() {
        return conflicts.stream().sorted().toList();
    }

    /** Called once the document is complete. */
    void tighten(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> answered = reachableFromResponses(api, schemas);
        schemas.forEach((name, schema) -> {
            Class<?> record = recordsByName.get(name);
            if (record != null && schema.getProperties() != null) {
                tighten(schema, record, answered.contains(name));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void tighten(Schema<?> schema, Class<?> record, boolean answered) {
        schema.setAdditionalProperties(false);
        Map<String, Schema> properties = schema.getProperties();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            required.add(component.getName());
            if (JsonNode.class.isAssignableFrom(component.getType())) {
                // Jackson's tree is any JSON value, not the object with fields springdoc makes of it
                properties.put(component.getName(), new Schema<>().description(property.getDescription()));
                continue;
            }
            if (!component.getType().isPrimitive() && (property.getType() != null || property.get$ref() != null)) {
                properties.put(component.getName(), nullable(property));
            }
        }
        if (answered) {
            schema.setRequired(required);
        }
    }

    /**
     * In OpenAPI 3.0 a $ref ignores its siblings and nullable needs a type, so a reference that may be null is
     * "that record, or null" (the form OpenAPI 3.0.3 gives for it).
     */
    private static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        Schema<Object> onlyNull = new Schema<>().type("object").nullable(true);
        onlyNull.setEnum(new ArrayList<>(java.util.Collections.singletonList(null)));
        ComposedSchema either = new ComposedSchema();
        either.addAnyOfItem(new Schema<>().$ref(property.get$ref()));
        either.addAnyOfItem(onlyNull);
        either.setDescription(property.getDescription());
        return either;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Set<String> reachableFromResponses(OpenAPI api, Map<String, Schema> schemas) {
        Deque<Schema> todo = new ArrayDeque<>();
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                Optional.ofNullable(operation.getResponses()).map(Map::values).orElse(List.of()).stream()
                        .map(ApiResponse::getContent).filter(c -> c != null).map(Content::values)
                        .forEach(media -> media.forEach(m -> {
                            if (m.getSchema() != null) {
                                todo.add(m.getSchema());
                            }
                        }))));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                if (seen.add(name) && schemas.get(name) != null) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.add(values);
            }
            for (List<Schema> parts : new List[]{schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
                if (parts != null) {
                    parts.forEach(todo::add);
                }
            }
        }
        return seen;
    }
}
