@{
    # The one place the version lives: the build stamps it into the assemblies and the package.
    ModuleVersion        = '0.1.0'
    RootModule           = 'JobStatus.dll'
    GUID                 = '5b0f3c9e-6a57-4a59-9d0e-2f7c4b8d1a63'
    Author               = 'JobStatus contributors'
    CompanyName          = 'JobStatus'
    Copyright            = '(c) JobStatus contributors. MIT License.'
    Description          = 'Reads and waits for Huawei Cloud asynchronous jobs from PowerShell: the job, task and operation APIs of dozens of services (CFW, ECS, EVS, VPC, ELB, RDS, GaussDB, DDS, CCE, DCS, SFS Turbo, CBR, DMS, GES, Workspace and more; docs/Services.md lists them) and yearly/monthly orders, one list at a time. Get-CloudJob reads many jobs concurrently, Wait-CloudJob waits for hours or days through outages and throttling with -Timeout, -Any, progress and Ctrl+C, and a failed or unfinished job is always an error, never silence. Credentials come from parameters, the session (Connect-CloudJobService) or the environment variables and credentials file the vendor''s tools use.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('JobStatus.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-CloudJob'
        'Wait-CloudJob'
        'Connect-CloudJobService'
        'Disconnect-CloudJobService'
        'Get-CloudJobContext'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('HuaweiCloud', 'Jobs', 'Tasks', 'Orders', 'Wait', 'Async', 'CFW', 'ECS', 'RDS', 'CCE', 'DMS', 'BSS', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://opensource.org/license/mit'
            # A placeholder until the repository has its public home; change it before publishing to a gallery.
            ProjectUri   = 'https://example.com/JobStatus'
            ReleaseNotes = @'
0.1.0
- Get-CloudJob: reads one or many jobs of the CFW job API concurrently and writes them in input order.
- Wait-CloudJob: waits for many jobs at once with -Timeout, -Any, -PollIntervalSec and progress; a job that ends Failed or is unfinished at -Timeout is reported as an error.
- Connect-CloudJobService, Disconnect-CloudJobService, Get-CloudJobContext: an IAM token, project, region or endpoint per session, and where each value came from.
- Retries for 429, 5xx, timeouts and lost connections; the token never appears in output, errors or URLs.
- Wait-CloudJob survives waits of hours and days: a transient failure (429, 5xx, timeout, dropped connection, restarted server) never ends it; a 403 ends only that service and project's jobs; requests run in lanes per service and host, so a throttled or paused service never delays another; connections are renewed every 5 minutes; schedules run on a monotonic clock. Targets .NET 8 (PowerShell 7.4 and later).
- Help for every cmdlet (Get-Help <cmdlet> -Full, Get-Help about_JobStatus); tab completion for -Region and -JobId.
- Reads the job APIs of many more services, each a catalog entry checked against the vendor's SDK: SFS Turbo, CBR, SDRS, Global EIP, DNS, WAF, Anti-DDoS, CPH, openGauss, GeminiDB, DDM, DWS, DMS Kafka, RocketMQ and RabbitMQ, GES, SWR, CAE, CSE, ServiceStage, UCS, CCE Autopilot, CCE cluster upgrade tasks, Workspace and WorkspaceApp (docs/Services.md), beside the first twelve.
- Jobs read under their instance, graph, engine, environment or cluster take -InstanceId, -GraphId, -EngineId, -EnvironmentId or -ClusterId (or a column of that name; CAE's environment travels as the signed X-Environment-ID header); account-wide and global services take -DomainId (or HUAWEICLOUD_SDK_DOMAIN_ID, the credentials file's domain_id, or a password sign-in's account) and are signed with X-Domain-Id as the vendor's GlobalCredentials are.
- Yearly/monthly orders (-Service Order, or OrderIntl on the international site) are read and waited for like jobs; a completed order's ResourceIds name what it made.
- Region data is generated from the vendor SDK's own region files (src/RegionData/Update-RegionData.py), release 3.1.211.
'@
        }
    }
}
