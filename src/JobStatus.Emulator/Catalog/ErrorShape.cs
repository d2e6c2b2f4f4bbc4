namespace JobStatus.Emulator.Catalog;

/// <summary>The JSON shape a job API's own error answers (404 unknown job, 405, 400) take; the
/// gateway's answers (auth, throttling) keep the gateway's shape whatever the path.</summary>
internal enum ErrorShape
{
    /// <summary><c>{"error_code","error_msg","request_id"}</c>: the gateway's shape, which CFW's answers share.</summary>
    Gateway,

    /// <summary><c>{"error_code","error_msg"}</c>: the ErrorResponse model of RDS, GaussDB and DDS.</summary>
    CodeAndMessage,

    /// <summary><c>{"errorMessage","errorCode"}</c>: CCE (from its Autopilot error-code page).</summary>
    CamelCase,

    /// <summary><c>{"error":{"code","message"}}</c>: the FailedRsp model of BMS's job API, the ECS family's error shape.</summary>
    Nested,

    /// <summary><c>{"code","message"}</c> at the top level: DNS's error codes page.</summary>
    CodeMessage,

    /// <summary><c>{"errCode","errMsg"}</c>: SFS Turbo's error bodies.</summary>
    ErrCodeMsg,
}
