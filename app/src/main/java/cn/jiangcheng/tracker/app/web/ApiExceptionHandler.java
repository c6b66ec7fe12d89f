package cn.jiangcheng.tracker.app.web;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.app.audit.ProjectionRebuilding;
import cn.jiangcheng.tracker.app.database.DatabaseAvailability;
import cn.jiangcheng.tracker.app.database.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to {@link ApiError} with the status the API promises. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final DatabaseAvailability database;

    public ApiExceptionHandler(DatabaseAvailability database) {
        this.database = database;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RequestBodyLimitFilter.PayloadTooLarge
                || (cause != null && cause.getCause() instanceof RequestBodyLimitFilter.PayloadTooLarge)) {
            return status(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of("PAYLOAD_TOO_LARGE", "请求内容过大"));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return status(HttpStatus.BAD_REQUEST, new ApiError("UNKNOWN_FIELD", "请求中包含未知字段：" + field,
                    List.of(new ApiError.FieldError(field, "未知字段"))));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            return status(HttpStatus.BAD_REQUEST, new ApiError("BAD_TYPE", "字段“" + field + "”的类型或取值不正确",
                    List.of(new ApiError.FieldError(field, "类型或取值不正确"))));
        }
        if (cause instanceof JsonProcessingException) {
            return status(HttpStatus.BAD_REQUEST, ApiError.of("BAD_JSON", "请求内容不是有效的 JSON"));
        }
        return status(HttpStatus.BAD_REQUEST, ApiError.of("BAD_REQUEST", "缺少请求内容或格式不正确"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(ApiError.FieldError::field))
                .toList();
        String summary = fields.stream().map(ApiError.FieldError::message).distinct()
                .collect(Collectors.joining("；"));
        return status(HttpStatus.BAD_REQUEST, new ApiError("VALIDATION_FAILED", "填写有误：" + summary, fields));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
        List<ApiError.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
        return status(HttpStatus.BAD_REQUEST, new ApiError("VALIDATION_FAILED", "填写有误", fields));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return status(HttpStatus.BAD_REQUEST, new ApiError("BAD_PARAMETER", "参数“" + name + "”缺失或格式不正确",
                List.of(new ApiError.FieldError(name, "缺失或格式不正确"))));
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ApiError> badRequest(BadRequest e) {
        return status(HttpStatus.BAD_REQUEST, new ApiError(e.code(), e.getMessage(),
                List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
        return status(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of("PAYLOAD_TOO_LARGE", "上传的文件过大"));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ApiError> badMultipart(Exception e) {
        return status(HttpStatus.BAD_REQUEST, ApiError.of("BAD_UPLOAD", "请选择要上传的文件"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ApiError.of("UNSUPPORTED_MEDIA_TYPE", "请求内容类型不受支持，请使用 application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return status(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of("METHOD_NOT_ALLOWED", "不支持该请求方法"));
    }

    @ExceptionHandler({NotFoundInScope.class, AggregateNotFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> notFound(Exception e) {
        String message = e instanceof NotFoundInScope ? e.getMessage() : "未找到请求的记录";
        return status(HttpStatus.NOT_FOUND, ApiError.of("NOT_FOUND", message));
    }

    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    ResponseEntity<ApiError> conflict(Exception e) {
        return status(HttpStatus.CONFLICT, ApiError.of("CONFLICT", "该记录已被他人修改或已存在，请刷新后重试"));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ApiError> alreadyExists(AggregateStreamCreationException e) {
        return status(HttpStatus.CONFLICT, ApiError.of("ALREADY_EXISTS", "该编码已被使用，请换一个"));
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ApiError> rule(BusinessRuleViolation e) {
        return status(HttpStatus.UNPROCESSABLE_ENTITY, ApiError.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return status(HttpStatus.FORBIDDEN, ApiError.of("FORBIDDEN", "没有权限执行此操作"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationException e) {
        return status(HttpStatus.UNAUTHORIZED, ApiError.of("UNAUTHENTICATED", "请先登录"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ApiError> commandFailed(CommandExecutionException e) throws Exception {
        if (e.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return dispatch(cause);
        }
        return unexpected(e);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ApiError> eventStore(EventStoreException e) {
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Event store failure", e);
        return status(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of("STORE_UNAVAILABLE", "数据存储暂不可用，请稍后重试"));
    }

    @ExceptionHandler(ProjectionRebuilding.class)
    ResponseEntity<ApiError> rebuilding(ProjectionRebuilding e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ProjectionRebuilding.RETRY_AFTER_SECONDS))
                .body(ApiError.of(ProjectionRebuilding.CODE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Unexpected error", e);
        return status(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of("INTERNAL_ERROR", "系统内部错误，请稍后重试或联系管理员"));
    }

    private ResponseEntity<ApiError> databaseUnavailable(Exception e) {
        LOG.warn("Database unavailable: {}", e.toString());
        database.markDown(e.getClass().getSimpleName());
        return DatabaseUnavailableFilter.unavailable();
    }

    private ResponseEntity<ApiError> dispatch(Exception cause) throws Exception {
        if (cause instanceof NotFoundInScope || cause instanceof AggregateNotFoundException) {
            return notFound(cause);
        }
        if (cause instanceof AggregateStreamCreationException exists) {
            return alreadyExists(exists);
        }
        if (cause instanceof ConflictingModificationException || cause instanceof ConcurrencyException) {
            return conflict(cause);
        }
        if (cause instanceof BusinessRuleViolation rule) {
            return rule(rule);
        }
        return unexpected(cause);
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "(根)" : path;
    }

    private static ResponseEntity<ApiError> status(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status).body(error);
    }
}
