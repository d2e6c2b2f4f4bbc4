using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of GET /v1/{project_id}/jobs/{job_id}, the job API ECS, BMS, EVS, IMS and
/// VPC share (SDK models ShowJobResponse, JobEntities, SubJob, SubJobEntities and their BMS, EVS, IMS
/// and EIP twins): <c>{"status","entities":{<i>resource id</i>,"sub_jobs_total","sub_jobs":[...]},
/// "job_id","job_type","begin_time","end_time","error_code","fail_reason"}</c>; each sub-job has
/// the same fields and its own entities. error_code and fail_reason are null without an error, as
/// in the vendor's examples.</summary>
internal sealed class V1JobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteString("status", job.StatusAt(now));
        WriteEntities(writer, job, now);
        WriteCommon(writer, job, job.Id, job.JobType!, job.BeginTime, finished ? job.EndTime : null, job.LastChangeAt(now),
            finished ? job.ErrorCode : null, finished ? job.ErrorMsg : null);
    }

    private static void WriteEntities(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now)
    {
        var service = job.Service;
        var resourceField = service.ResourceIdField;
        writer.WriteStartObject("entities");

        // EVS: "when there are sub-jobs, the other entities fields are not returned".
        if (resourceField is not null && job.ResourceId is not null && job.SubJobs.Count == 0)
        {
            writer.WriteString(resourceField, job.ResourceId);
        }

        // BMS: "sub_jobs_total is 0 and sub_jobs an empty list when there are no sub-jobs".
        if (service.CountsSubJobs)
        {
            writer.WriteNumber("sub_jobs_total", job.SubJobs.Count);
        }

        if (job.SubJobs.Count > 0 || service.ListsNoSubJobs)
        {
            writer.WriteStartArray(service.SubJobsField);
            foreach (var sub in job.SubJobs)
            {
                var subFinished = sub.IsFinishedAt(now);
                writer.WriteStartObject();
                writer.WriteString("status", sub.StatusAt(now));
                writer.WriteStartObject("entities");
                if (resourceField is not null && sub.ResourceId is not null)
                {
                    writer.WriteString(resourceField, sub.ResourceId);
                }

                writer.WriteEndObject();
                WriteCommon(writer, job, sub.Id, sub.JobType, sub.BeginTime, subFinished ? sub.EndTime : null, sub.BeginTime,
                    subFinished ? sub.ErrorCode : null, subFinished ? sub.ErrorMsg : null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteCommon(
        Utf8JsonWriter writer,
        EmulatedJob job,
        string id,
        string jobType,
        DateTimeOffset begin,
        DateTimeOffset? endedAt,
        DateTimeOffset lastChange,
        string? errorCode,
        string? errorMsg)
    {
        writer.WriteString("job_id", id);
        writer.WriteString("job_type", jobType);
        JobTimeWriter.Write(writer, "begin_time", begin, job.TimeFormat);
        JobTimeWriter.WriteEnd(writer, "end_time", endedAt, lastChange, job.EndTimeWhileRunning, job.TimeFormat);
        WriteNullable(writer, "error_code", errorCode);
        WriteNullable(writer, "fail_reason", errorMsg);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
