using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using JobStatus.Emulator.Model;
using JobStatus.Services;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 answer of a catalog service without a hand-written writer, laid out by its
/// catalog <see cref="JobShape"/>: each field at the first of its dotted paths (nested objects made
/// as needed, a path starting with '/' from the top of the answer, others inside the envelope), the
/// sub-jobs as an array of objects in <see cref="JobShape.SubJob"/>'s shape (or the job's, without
/// the envelope). The status is the service's own word, a JSON number where all its words are
/// integers; times in the service's format; error code and message once a failed job has ended.</summary>
internal sealed class GenericJobBodyWriter : JobBodyWriter
{
    public static readonly GenericJobBodyWriter Instance = new();

    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        var service = job.Service;
        var shape = service.Catalog.Shape;
        var root = new Node();
        var body = Envelope(root, shape.Envelope);
        Fill(root, body, shape, new Fields(
            job.Id, job.StatusAt(now), job.JobType, job.BeginTime, finished ? job.EndTime : null, job.LastChangeAt(now),
            finished ? job.ErrorCode : null, finished ? job.ErrorMsg : null, job.ResourceId), job, service.StatusIsNumber);

        if (shape.SubJobs is { } subJobsPath && job.SubJobs.Count > 0)
        {
            var subShape = shape.SubJob ?? shape;
            var items = new List<Node>(job.SubJobs.Count);
            foreach (var sub in job.SubJobs)
            {
                var item = new Node();
                var subFinished = sub.IsFinishedAt(now);
                Fill(item, item, subShape, new Fields(
                    sub.Id, sub.StatusAt(now), sub.JobType, sub.BeginTime, subFinished ? sub.EndTime : null, subFinished ? sub.EndTime!.Value : sub.BeginTime,
                    subFinished ? sub.ErrorCode : null, subFinished ? sub.ErrorMsg : null, sub.ResourceId), job, service.StatusIsNumber);
                items.Add(item);
            }

            Place(root, body, subJobsPath).Set(Last(subJobsPath), (w, name) =>
            {
                w.WriteStartArray(name);
                foreach (var item in items)
                {
                    w.WriteStartObject();
                    item.WriteMembers(w);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        // What the SDK model requires beyond the catalog's shape; placed last, so the shape's own values win.
        foreach (var (path, raw) in service.Facts?.FixedFields ?? new Dictionary<string, string>())
        {
            Put(root, body, path, (w, name) =>
            {
                w.WritePropertyName(name);
                w.WriteRawValue(raw);
            });
        }

        root.WriteMembers(writer);
    }

    /// <summary>The object that holds the job: the answer itself, the envelope object, or for a list
    /// answer (an envelope ending in "[]", GeminiDB's jobs[], DMS's tasks[]) the one entry of that list.</summary>
    private static Node Envelope(Node root, string? envelope)
    {
        if (envelope is null)
        {
            return root;
        }

        if (!envelope.EndsWith("[]", StringComparison.Ordinal))
        {
            return root.At(envelope);
        }

        var list = envelope.Substring(0, envelope.Length - 2);
        var entry = new Node();
        Place(root, root, list).Set(Last(list), (w, name) =>
        {
            w.WriteStartArray(name);
            w.WriteStartObject();
            entry.WriteMembers(w);
            w.WriteEndObject();
            w.WriteEndArray();
        });
        return entry;
    }

    private static void Fill(Node root, Node body, JobShape shape, Fields fields, EmulatedJob job, bool statusIsNumber)
    {
        var format = job.TimeFormat;
        if (shape.Id.Count > 0)
        {
            var idPath = shape.Id[0];
            Put(root, body, idPath, (w, name) => WriteText(w, name, fields.Id, idPath, job));
        }

        Put(root, body, shape.Status, (w, name) =>
        {
            if (statusIsNumber && long.TryParse(fields.Status, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                w.WriteNumber(name, number);
            }
            else
            {
                w.WriteString(name, fields.Status);
            }
        });

        if (shape.JobType.Count > 0 && fields.JobType is { } jobType)
        {
            var typePath = shape.JobType[0];
            Put(root, body, typePath, (w, name) => WriteText(w, name, jobType, typePath, job));
        }

        if (shape.BeginTime.Count > 0)
        {
            Put(root, body, shape.BeginTime[0], (w, name) => JobTimeWriter.Write(w, name, fields.Begin, format));
        }

        if (shape.EndTime.Count > 0)
        {
            // A last-changed time (EndTimeOnceFinished) is there while the job runs, whatever the job says.
            var whileRunning = shape.EndTimeOnceFinished ? EndTimeWhileRunning.LastChange : job.EndTimeWhileRunning;
            Put(root, body, shape.EndTime[0], (w, name) => JobTimeWriter.WriteEnd(w, name, fields.End, fields.LastChange, whileRunning, format));
        }

        if (shape.ErrorCode.Count > 0 && fields.ErrorCode is { } code)
        {
            Put(root, body, shape.ErrorCode[0], (w, name) => w.WriteString(name, code));
        }

        if (shape.ErrorMessage.Count > 0 && fields.ErrorMessage is { } message)
        {
            Put(root, body, shape.ErrorMessage[0], (w, name) => w.WriteString(name, message));
        }

        if (shape.ResourceIds.Count > 0 && fields.ResourceId is { } resource)
        {
            Put(root, body, shape.ResourceIds[0], (w, name) => w.WriteString(name, resource));
        }
    }

    /// <summary>A text value, as a JSON number where the service's row says the SDK model types that field as one.</summary>
    private static void WriteText(Utf8JsonWriter writer, string name, string value, string path, EmulatedJob job)
    {
        var numeric = job.Service.Facts?.NumberFields.Contains(path) == true;
        if (numeric && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Put(Node root, Node body, string path, Action<Utf8JsonWriter, string> write) =>
        Place(root, body, path).Set(Last(path), write);

    /// <summary>The object that holds the last step of <paramref name="path"/>.</summary>
    private static Node Place(Node root, Node body, string path)
    {
        var start = path.StartsWith('/') ? root : body;
        var steps = path.TrimStart('/');
        var dot = steps.LastIndexOf('.');
        return dot < 0 ? start : start.At(steps.Substring(0, dot));
    }

    private static string Last(string path)
    {
        var steps = path.TrimStart('/');
        return steps.Substring(steps.LastIndexOf('.') + 1);
    }

    private readonly record struct Fields(
        string Id, string Status, string? JobType, DateTimeOffset Begin, DateTimeOffset? End, DateTimeOffset LastChange,
        string? ErrorCode, string? ErrorMessage, string? ResourceId);

    /// <summary>An object being laid out: its members in the order first placed, each a value to
    /// write or an object of its own. The first field placed at a name keeps it.</summary>
    private sealed class Node
    {
        private readonly List<(string Name, Node? Child, Action<Utf8JsonWriter, string>? Write)> members = new();

        /// <summary>The object at a dotted path below this one, made where missing.</summary>
        public Node At(string dotted)
        {
            var node = this;
            foreach (var step in dotted.Split('.'))
            {
                node = node.Child(step);
            }

            return node;
        }

        public void Set(string name, Action<Utf8JsonWriter, string> write)
        {
            if (members.FindIndex(m => m.Name == name) < 0)
            {
                members.Add((name, null, write));
            }
        }

        public void WriteMembers(Utf8JsonWriter writer)
        {
            foreach (var (name, child, write) in members)
            {
                if (child is not null)
                {
                    writer.WriteStartObject(name);
                    child.WriteMembers(writer);
                    writer.WriteEndObject();
                }
                else
                {
                    write!(writer, name);
                }
            }
        }

        private Node Child(string name)
        {
            var index = members.FindIndex(m => m.Name == name);
            if (index >= 0)
            {
                // A value already placed at this name (a field that is both a value and a parent) keeps it.
                return members[index].Child ?? new Node();
            }

            var child = new Node();
            members.Add((name, child, null));
            return child;
        }
    }
}
