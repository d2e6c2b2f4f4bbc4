using System;
using System.Collections.Generic;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Catalog;

/// <summary>The emulator's facts about each catalog service it plays without a hand-written writer,
/// keyed by the catalog's name. Each row's time format, time example and error shape come from the sources
/// docs/Services.md lists for that service; a code marked invented is nobody's documented answer.</summary>
internal static class GenericServiceTable
{
    public static readonly IReadOnlyDictionary<string, GenericServiceFacts> Rows = new Dictionary<string, GenericServiceFacts>(StringComparer.OrdinalIgnoreCase)
    {
        // AntiDDoS.json: no times in the answer (timeFormat 'none'); error body not documented (errorShape): the usual error_code/error_msg assumed, code invented.
        ["AntiDDoS"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "AntiDDoS.00404001" },
        // CAE.json: timeFormat: ISO UTC with microseconds and Z (tasks[]); errorShape not established: error_code/error_msg assumed, code invented.
        // Its SDK model (show_job_response.py, task.py): api_version "v1" and kind "Job" at the top; a task's index is an integer.
        ["CAE"] = new() { FixedFields = new Dictionary<string, string> { ["/api_version"] = "\"v1\"", ["/kind"] = "\"Job\"" }, NumberFields = new[] { "index" }, TimeFormat = JobTimeFormat.IsoMicro, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "CAE.00404001" },
        // CBR.json, and the SDK model's enum of operation_type: backup is the default type.
        // CBR.json: timeExample 2019-05-23T14:31:36.007+00:00; errorShape error_code/error_msg with the documented 404 BackupService.6500 'Operation log does not exist.'.
        ["CBR"] = new() { JobType = "backup", TimeFormat = JobTimeFormat.IsoFractionColonOffsetUtc, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "BackupService.6500", NotFoundMessage = "Operation log does not exist." },
        // CCEAutopilot.json: timeFormat Go time.String() as CCE; error shape not established, CCE's (its Autopilot error-code page) assumed.
        ["CCEAutopilot"] = new() { TimeFormat = JobTimeFormat.GoTime, ErrorShape = ErrorShape.CamelCase, NotFoundCode = "CCE.01404001", EndTimeWhileRunning = EndTimeWhileRunning.LastChange, JobType = "CreateCluster" },
        // CPH.json: timeFormat 'YYYY-MM-DDTHH:MM:SSZ'; errorShape not documented: error_code/error_msg as in its 200 answer, code invented.
        ["CPH"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "CPH.00404001" },
        // CCE's cluster upgrade task page (ShowUpgradeClusterTask): Go time.String() with the local zone ("2022-12-16 13:40:20.75671 +0800 CST"),
        // written in UTC here; completionTime is present while the task runs (the example's Init task has one); CCE's error shape assumed, code invented.
        ["CCEUpgrade"] = new() { TimeFormat = JobTimeFormat.GoTime, ErrorShape = ErrorShape.CamelCase, NotFoundCode = "CCE.01404001", EndTimeWhileRunning = EndTimeWhileRunning.LastChange, FixedFields = new Dictionary<string, string> { ["/apiVersion"] = "\"v3\"", ["/kind"] = "\"UpgradeTask\"", ["/spec.version"] = "\"v1.25.5-r0\"", ["/spec.targetVersion"] = "\"v1.28.3-r0\"" } },
        // CSE.json and its SDK model: the job id is an integer, the type one of Create, Delete, Upgrade, Modify.
        // CSE.json: timeFormat epoch milliseconds as JSON integers; errorShape error_code/error_msg (API definition BadRequest); code invented.
        ["CSE"] = new() { JobType = "Create", NumberFields = new[] { "id" }, TimeFormat = JobTimeFormat.EpochMs, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "CSE.00404001" },
        // DDM.json and its SDK model: end_time and instance.name are required; end_time "" while running, as GaussDB.
        // DDM.json: timeExample 2018-08-06T10:41:14+0000; errorShape error_code/error_msg (ErrorResponse); code invented as for the other DBS services.
        ["DDM"] = new() { EndTimeWhileRunning = EndTimeWhileRunning.Empty, FixedFields = new Dictionary<string, string> { ["instance.name"] = "\"ddm-emulated\"" }, TimeFormat = JobTimeFormat.IsoOffsetUtc, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DBS.00404001" },
        // DNS.json: statuses documents no failure word (the SDK's enum is PENDING, DONE): ERROR is invented.
        // DNS.json: timeExample 2025-06-17T13:09:15.214 (the API definition's example, not the docstring's); errorShape code/message at top level (dns_api_80003); code invented.
        ["DNS"] = new() { TimeFormat = JobTimeFormat.IsoFractionNoZone, ErrorShape = ErrorShape.CodeMessage, NotFoundCode = "DNS.0404", UndocumentedFailureWord = "ERROR" },
        // DWS.json: timeExample 2022-11-09T20:25:00, zone unknown; errorShape not documented: error_code/error_msg assumed, code invented.
        ["DWS"] = new() { TimeFormat = JobTimeFormat.IsoNoZone, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DWS.00404001" },
        // GEIP.json: statuses documents only FINISH_SUCC (notes: "running and failed words are unknown"): RUNNING and FINISH_FAIL are invented.
        // GEIP.json: timeExample 2023-12-12T07:37:36Z; errorShape not documented: error_code/error_msg assumed, code invented.
        ["GEIP"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "GEIP.00404001", UndocumentedRunningWord = "RUNNING", UndocumentedFailureWord = "FINISH_FAIL" },
        // GES.json: timeFormat UTC yyyy-MM-dd'T'HH:mm:ss; errorShape error_code/error_msg with GES.8301 'can not find job' (the API Explorer's 400 example; the emulator answers it with 404).
        ["GES"] = new() { TimeFormat = JobTimeFormat.IsoNoZone, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "GES.8301" },
        // GeminiDB.json and its SDK model: a list answer whose entries require end_time, progress, fail_reason and
        // instance.name, and whose top requires total_count.
        // GeminiDB.json: timeExample 2023-09-12T06:44:01+0000; errorShape not documented: error_code/error_msg as its siblings on the same path.
        ["GeminiDB"] = new() { EndTimeWhileRunning = EndTimeWhileRunning.Empty, FixedFields = new Dictionary<string, string> { ["instance.name"] = "\"nosql-emulated\"", ["progress"] = "\"\"", ["fail_reason"] = "\"\"", ["/total_count"] = "1" }, TimeFormat = JobTimeFormat.IsoOffsetUtc, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DBS.00404001" },
        // Kafka.json: timeExample 2020-06-15T08:55:53.606Z; errorShape not documented: error_code/error_msg assumed, code invented.
        ["Kafka"] = new() { TimeFormat = JobTimeFormat.IsoFraction, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DMS.00404001" },
        // Order.json and the bss-order SDK model: order_type is an integer (1: new purchase).
        // Order.json: timeFormat UTC yyyy-MM-dd'T'HH:mm:ss'Z'; errorShape error_code/error_msg (API pages' response tables); code invented.
        ["Order"] = new() { JobType = "1", NumberFields = new[] { "order_type" }, TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "CBC.00404001" },
        // Order.json again: the international site's orders (bss-intl) answer as the Chinese site's.
        ["OrderIntl"] = new() { JobType = "1", NumberFields = new[] { "order_type" }, TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "CBC.00404001" },
        // RabbitMQ.json: as Kafka: timeExample 2020-06-23T03:00:03.471Z; errorShape not documented.
        ["RabbitMQ"] = new() { TimeFormat = JobTimeFormat.IsoFraction, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DMS.00404001" },
        // RocketMQ.json: as Kafka: timeExample 2020-06-23T03:00:03.471Z; errorShape not documented.
        ["RocketMQ"] = new() { TimeFormat = JobTimeFormat.IsoFraction, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DMS.00404001" },
        // SDRS.json: timeFormat yyyy-MM-dd'T'HH:mm:ss.SSSZ; errorShape nested error.code/message like the ECS family it shares a path with.
        ["SDRS"] = new() { TimeFormat = JobTimeFormat.IsoFraction, ErrorShape = ErrorShape.Nested, NotFoundCode = "Common.0404", EndTimeWhileRunning = EndTimeWhileRunning.Empty },
        // SFSTurbo.json: timeFormat UTC '2016-01-02 15:04:05'; errorShape errCode/errMsg (page 400/404/500 bodies); code invented.
        ["SFSTurbo"] = new() { TimeFormat = JobTimeFormat.SpacedNoZone, ErrorShape = ErrorShape.ErrCodeMsg, NotFoundCode = "SFS.TURBO.0404" },
        // SWR.json: timeFormat ISO UTC with microseconds and Z; shares DCS's path, whose error answers it takes.
        ["SWR"] = new() { TimeFormat = JobTimeFormat.IsoMicro, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DCS.4404" },
        // ServiceStage.json: timeFormat not documented, ISO Z assumed; errorShape error_code/error_msg (ErrorResponse); code invented.
        ["ServiceStage"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "SVCSTG.00404001" },
        // UCS.json: timeFormat: Go time.String() for metadata timestamps; errorShape declared a plain string: error_code/error_msg used instead, code invented.
        ["UCS"] = new() { TimeFormat = JobTimeFormat.GoTime, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "UCS.00404001", EndTimeWhileRunning = EndTimeWhileRunning.LastChange },
        // WAF.json: no times in the answer; errorShape error_code/error_msg (RestErrorResponse); code invented.
        ["WAF"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "WAF.00404001" },
        // Workspace.json: timeFormat not documented, ISO Z assumed; errorShape error_code/error_msg (BaseResponse); code invented.
        ["Workspace"] = new() { TimeFormat = JobTimeFormat.Iso, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "WKS.00404001" },
        // WorkspaceApp.json and its SDK model: job_type is one of its enum (CREATE_SERVER...).
        // WorkspaceApp.json: timeFormat ISO UTC with milliseconds and Z; errorShape error_code/error_msg (BaseResp); code invented.
        ["WorkspaceApp"] = new() { JobType = "CREATE_SERVER", TimeFormat = JobTimeFormat.IsoFraction, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "WKS.00404001" },
        // openGauss.json and its SDK model: ended, progress, fail_reason (nullable) and instance.name are required.
        // openGauss.json: timeExample 2021-07-12T09:22:04+0000; shares the database path, whose error answers it takes.
        ["openGauss"] = new() { EndTimeWhileRunning = EndTimeWhileRunning.Empty, FixedFields = new Dictionary<string, string> { ["instance.name"] = "\"opengauss-emulated\"", ["progress"] = "\"\"", ["fail_reason"] = "null" }, TimeFormat = JobTimeFormat.IsoOffsetUtc, ErrorShape = ErrorShape.CodeAndMessage, NotFoundCode = "DBS.00404001" },
    };
}
