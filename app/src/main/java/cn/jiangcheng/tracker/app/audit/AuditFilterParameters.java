package cn.jiangcheng.tracker.app.audit;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event log's filters arrive as one map (so an unknown one can be refused by name), which springdoc would
 * publish as a single required parameter "params"; the document names each filter instead.
 */
@Component
class AuditFilterParameters implements OperationCustomizer {
    private static final Map<String, String> FILTERS = new LinkedHashMap<>();
    private static final Set<String> NUMBERS = Set.of("after", "limit");

    static {
        FILTERS.put("from", "开始时间（日期或时刻，北京时间）");
        FILTERS.put("to", "结束时间（日期或时刻，北京时间）");
        FILTERS.put("orgUnit", "单位编号");
        FILTERS.put("user", "用户名");
        FILTERS.put("aggregateType", "记录类型");
        FILTERS.put("aggregateId", "记录编号");
        FILTERS.put("eventType", "事件类型");
        FILTERS.put("correlationId", "关联号");
        FILTERS.put("after", "从该全局序号之后继续（翻页）");
        FILTERS.put("limit", "条数上限");
        FILTERS.put("order", "asc 或 desc");
        FILTERS.put("format", "导出格式：json 或 csv");
    }

    static Set<String> names() {
        return FILTERS.keySet();
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean filtered = handler.getBeanType() == AuditController.class
                && Arrays.stream(handler.getMethod().getParameterTypes()).anyMatch(Map.class::equals);
        if (filtered) {
            FILTERS.forEach((name, description) -> operation.addParametersItem(new QueryParameter().name(name)
                    .description(description).required(false)
                    .schema(NUMBERS.contains(name) ? new IntegerSchema().format("int64") : new StringSchema())));
        }
        return operation;
    }
}
