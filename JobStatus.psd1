@{
    RootModule           = 'JobStatus.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c9e-6a57-4a59-9d0e-2f7c4b8d1a63'
    Author               = 'JobStatus contributors'
    CompanyName          = 'JobStatus'
    Copyright            = '(c) JobStatus contributors. MIT License.'
    Description          = 'Reads and waits for Huawei Cloud asynchronous jobs (Cloud Firewall job API) from PowerShell.'
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
            Tags       = @('HuaweiCloud', 'CloudFirewall', 'CFW', 'Jobs', 'Wait', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
        }
    }
}
