package cn.jiangcheng.tracker.app.submission;

import cn.jiangcheng.tracker.api.common.BusinessRuleViolation;
import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.indicator.IndicatorQueries.IndicatorView;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.submission.Period;
import cn.jiangcheng.tracker.api.submission.SubmissionCommands.SaveSubmissionDraft;
import cn.jiangcheng.tracker.api.submission.SubmissionQueries.SubmissionDetail;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.ReportedValue;
import cn.jiangcheng.tracker.api.submission.SubmissionTypes.Status;
import cn.jiangcheng.tracker.app.org.OrgDirectory;
import cn.jiangcheng.tracker.app.web.BusinessReaders;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reports as Excel: a unit downloads its form, fills it offline and uploads it back as a draft. */
@RestController
@Tag(name = "数据填报与审核")
@PreAuthorize(BusinessReaders.ONLY) // the administrator sees no business data
public class SubmissionExcelController {
    private static final long MAX_WORKBOOK_BYTES = 5L * 1024 * 1024;

    private final SubmissionController submissions;
    private final SubmissionAccess access;
    private final UnitForms rules;
    private final OrgDirectory orgDirectory;
    private final CommandGateway commandGateway;

    public SubmissionExcelController(SubmissionController submissions, SubmissionAccess access, UnitForms rules,
                                     OrgDirectory orgDirectory, CommandGateway commandGateway) {
        this.submissions = submissions;
        this.access = access;
        this.rules = rules;
        this.orgDirectory = orgDirectory;
        this.commandGateway = commandGateway;
    }

    @GetMapping("/api/submissions/template")
    @Operation(summary = "下载填报模板（已填的草稿数据一并带出）")
    public ResponseEntity<byte[]> template(@RequestParam String orgUnitId, @RequestParam String period) {
        TrackerUser user = Caller.current();
        OrgUnitView unit = visibleUnit(orgUnitId, user);
        Period parsed = SubmissionController.parsePeriod(period);
        submissions.requireOpen(unit.id(), parsed);
        List<IndicatorView> indicators = rules.indicators(unit.id(), parsed);
        List<ReportedValue> existing = existing(unit.id(), parsed).map(SubmissionDetail::values).orElse(List.of());
        byte[] xlsx = SubmissionWorkbook.template(unit.name(), parsed.code(),
                indicators.stream().map(IndicatorView::toDefinition).toList(), existing);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(unit.name() + "-" + parsed.code() + "-指标填报表.xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType(SubmissionWorkbook.CONTENT_TYPE))
                .body(xlsx);
    }

    /** Lands as a draft, checked exactly like the web form; submitting stays a separate, deliberate step. */
    @PostMapping(value = "/api/submissions/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUBMITTER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入Excel填报表（保存为草稿）")
    public SubmissionController.NewSubmission upload(@RequestPart("file") MultipartFile file,
                                               @RequestParam String orgUnitId, @RequestParam String period)
            throws IOException {
        TrackerUser user = Caller.current();
        OrgUnitView unit = visibleUnit(orgUnitId, user);
        Period parsed = SubmissionController.parsePeriod(period);
        submissions.requireOpen(unit.id(), parsed);
        if (file == null || file.isEmpty()) {
            throw new BusinessRuleViolation("EMPTY_FILE", "请选择要导入的Excel文件");
        }
        if (file.getSize() > MAX_WORKBOOK_BYTES) {
            throw new BusinessRuleViolation("FILE_TOO_LARGE", "Excel文件不能超过5 MB");
        }
        List<IndicatorView> indicators = rules.indicators(unit.id(), parsed);
        List<ReportedValue> values;
        try (InputStream in = file.getInputStream()) {
            values = SubmissionWorkbook.read(in, indicators.stream().map(IndicatorView::toDefinition).toList());
        }
        Optional<SubmissionDetail> report = existing(unit.id(), parsed);
        if (report.isEmpty()) {
            String id = submissions.createDraft(user, unit.id(), parsed, values);
            return new SubmissionController.NewSubmission(id, Status.DRAFT, 1);
        }
        SubmissionDetail current = report.get();
        commandGateway.sendAndWait(new SaveSubmissionDraft(current.id(), values, current.version()));
        return new SubmissionController.NewSubmission(current.id(), Status.DRAFT, current.version() + 1);
    }

    private Optional<SubmissionDetail> existing(String orgUnitId, Period period) {
        return access.find(SubmissionAccess.submissionId(orgUnitId, period.code()));
    }

    private OrgUnitView visibleUnit(String orgUnitId, TrackerUser user) {
        return orgDirectory.find(orgUnitId)
                .filter(u -> orgDirectory.isVisible(u.id(), user.orgUnitId(), user.cityId(), user.dataScope()))
                .orElseThrow(() -> new NotFoundInScope("未找到该单位"));
    }
}
