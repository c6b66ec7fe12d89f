package cn.jiangcheng.tracker.app.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two records of one simple name would share one schema: the guard notes them and the document is refused. */
class RecordSchemasTest {
    static class Rollup {
        record CloseRequest(String period, String note) {
        }
    }

    static class Cases {
        record CloseRequest(Long expectedVersion, String comment) {
        }
    }

    @Test
    void recordsSharingANameAreNotedAndTheDocumentIsRefused() {
        RecordSchemas guard = new RecordSchemas();
        ModelConverters converters = new ModelConverters();
        converters.addConverter(guard);
        converters.readAll(Rollup.CloseRequest.class);
        assertThat(guard.conflicts()).isEmpty();
        converters.readAll(Cases.CloseRequest.class);

        assertThat(guard.conflicts()).singleElement().asString().startsWith("CloseRequest (")
                .contains(Rollup.CloseRequest.class.getName(), Cases.CloseRequest.class.getName());
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths());
        assertThatThrownBy(() -> new ApiDocumentation().apiContract(guard).customise(api))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CloseRequest");
    }
}
