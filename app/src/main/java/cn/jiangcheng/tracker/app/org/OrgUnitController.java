package cn.jiangcheng.tracker.app.org;

import cn.jiangcheng.tracker.api.common.NotFoundInScope;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.CreateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.DeactivateOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.MoveOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitCommands.RenameOrgUnit;
import cn.jiangcheng.tracker.api.org.OrgUnitQueries.OrgUnitView;
import cn.jiangcheng.tracker.api.org.OrgUnitType;
import cn.jiangcheng.tracker.app.security.Caller;
import cn.jiangcheng.tracker.app.security.TrackerUser;
import cn.jiangcheng.tracker.app.web.VersionRequest;
import cn.jiangcheng.tracker.app.web.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@RestController
@Tag(name = "组织机构")
public class OrgUnitController {
    private static final String UNIT_ID = "[A-Za-z0-9][A-Za-z0-9_-]{1,39}";

    private final CommandGateway commandGateway;
    private final OrgDirectory orgDirectory;

    public OrgUnitController(CommandGateway commandGateway, OrgDirectory orgDirectory) {
        this.commandGateway = commandGateway;
        this.orgDirectory = orgDirectory;
    }

    public record OrgUnitNode(String id, String name, OrgUnitType type, String parentId, String cityId,
                              boolean active, long version, List<OrgUnitNode> children) {
    }

    public record CreateOrgUnitRequest(
            @NotBlank(message = "单位编码不能为空")
            @Pattern(regexp = UNIT_ID, message = "单位编码只能包含字母、数字、下划线和连字符，长度2到40位") String id,
            @NotBlank(message = "单位名称不能为空") @Size(max = 60, message = "单位名称不能超过60个字符") String name,
            @NotNull(message = "单位类型不能为空") OrgUnitType type,
            @NotBlank(message = "上级单位不能为空") String parentId) {
    }

    public record RenameOrgUnitRequest(
            @NotBlank(message = "单位名称不能为空") @Size(max = 60, message = "单位名称不能超过60个字符") String name,
            @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    public record MoveOrgUnitRequest(@NotBlank(message = "上级单位不能为空") String parentId,
                                     @NotNull(message = "缺少版本号") @PositiveOrZero Long expectedVersion) {
    }

    @GetMapping("/api/org-units")
    @Operation(summary = "当前用户可见的组织机构树")
    public List<OrgUnitNode> tree() {
        TrackerUser user = Caller.current();
        return toTree(orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()));
    }

    @GetMapping("/api/org-units/{id}")
    @Operation(summary = "单个单位（仅限可见范围内）")
    public OrgUnitView one(@PathVariable String id) {
        TrackerUser user = Caller.current();
        return orgDirectory.visibleUnits(user.orgUnitId(), user.cityId(), user.dataScope()).stream()
                .filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundInScope("未找到该单位"));
    }

    @PostMapping("/api/admin/org-units")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增下级单位")
    public Accepted create(@Valid @RequestBody CreateOrgUnitRequest request) {
        commandGateway.sendAndWait(new CreateOrgUnit(request.id(), request.name(), request.type(),
                request.parentId()));
        return new Accepted(request.id());
    }

    @PutMapping("/api/admin/org-units/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "重命名单位")
    public Accepted rename(@PathVariable String id, @Valid @RequestBody RenameOrgUnitRequest request) {
        commandGateway.sendAndWait(new RenameOrgUnit(id, request.name(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/admin/org-units/{id}/move")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "调整上级单位")
    public Accepted move(@PathVariable String id, @Valid @RequestBody MoveOrgUnitRequest request) {
        commandGateway.sendAndWait(new MoveOrgUnit(id, request.parentId(), request.expectedVersion()));
        return new Accepted(id);
    }

    @PostMapping("/api/admin/org-units/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "停用单位")
    public Accepted deactivate(@PathVariable String id, @Valid @RequestBody VersionRequest request) {
        commandGateway.sendAndWait(new DeactivateOrgUnit(id, request.expectedVersion()));
        return new Accepted(id);
    }

    /** Units whose parent is not visible become roots, so a county sees itself at the top. */
    static List<OrgUnitNode> toTree(List<OrgUnitView> units) {
        Set<String> ids = units.stream().map(OrgUnitView::id).collect(Collectors.toSet());
        Map<String, List<OrgUnitView>> byParent = new LinkedHashMap<>();
        List<OrgUnitView> roots = new ArrayList<>();
        for (OrgUnitView unit : units) {
            if (unit.parentId() == null || !ids.contains(unit.parentId())) {
                roots.add(unit);
            } else {
                byParent.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        return roots.stream().sorted(ORDER).map(r -> node(r, byParent)).toList();
    }

    private static final Comparator<OrgUnitView> ORDER =
            Comparator.comparing((OrgUnitView u) -> u.type().ordinal()).thenComparing(OrgUnitView::id);

    private static OrgUnitNode node(OrgUnitView unit, Map<String, List<OrgUnitView>> byParent) {
        List<OrgUnitNode> children = byParent.getOrDefault(unit.id(), List.of()).stream()
                .sorted(ORDER).map(c -> node(c, byParent)).toList();
        return new OrgUnitNode(unit.id(), unit.name(), unit.type(), unit.parentId(), unit.cityId(),
                unit.active(), unit.version(), children);
    }
}
