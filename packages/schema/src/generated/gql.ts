/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...UserRow\n    }\n  }\n": typeof types.ChangeUserRoleDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserRow\n      }\n      temporaryPassword\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query GetAuditLog($first: Int!, $after: String, $action: String) {\n    auditLog(first: $first, after: $after, action: $action) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorEmail\n          via\n          action\n          targetType\n          targetId\n          details\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetAuditLogDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    name\n    role\n    active\n    createdAt\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query GetUsers {\n    users {\n      ...UserRow\n    }\n  }\n": typeof types.GetUsersDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query GetApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.GetApiKeysDocument,
    "\n  query GetScopes {\n    scopes\n  }\n": typeof types.GetScopesDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment AtsSourceFields on AtsSource {\n    id\n    name\n    kind\n    baseUrl\n    authKind\n    credentialsSet\n    credentialsLast4\n    settings\n    fieldMapping\n    jobPostingIds\n    enabled\n    concurrency\n    updatedAt\n  }\n": typeof types.AtsSourceFieldsFragmentDoc,
    "\n  query GetAtsSources {\n    atsSources {\n      ...AtsSourceFields\n    }\n  }\n": typeof types.GetAtsSourcesDocument,
    "\n  mutation CreateAtsSource($input: AtsSourceInput!) {\n    createAtsSource(input: $input) {\n      ...AtsSourceFields\n    }\n  }\n": typeof types.CreateAtsSourceDocument,
    "\n  mutation UpdateAtsSource($id: ID!, $input: AtsSourceInput!) {\n    updateAtsSource(id: $id, input: $input) {\n      ...AtsSourceFields\n    }\n  }\n": typeof types.UpdateAtsSourceDocument,
    "\n  mutation TestAtsSource($id: ID!) {\n    testAtsSource(id: $id) {\n      ok\n      reason\n      status\n      message\n      durationMs\n    }\n  }\n": typeof types.TestAtsSourceDocument,
    "\n  query GetPostingHiring($id: ID!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            email\n            hiringStatus\n          }\n        }\n      }\n      hiredCandidates {\n        id\n        atsSync {\n          sourceId\n          sourceName\n          remoteId\n          syncedAt\n          lastOutcome\n          lastStatus\n          lastMessage\n        }\n      }\n    }\n    atsSources {\n      id\n      name\n      enabled\n      jobPostingIds\n    }\n  }\n": typeof types.GetPostingHiringDocument,
    "\n  mutation MoveCandidate($id: ID!, $status: HiringStatus!) {\n    moveCandidate(id: $id, status: $status) {\n      id\n      hiringStatus\n      hiringStatusChangedAt\n    }\n  }\n": typeof types.MoveCandidateDocument,
    "\n  mutation SyncHiredCandidates($jobPostingId: ID!, $sourceIds: [ID!]) {\n    syncHiredCandidates(jobPostingId: $jobPostingId, sourceIds: $sourceIds) {\n      id\n      status\n    }\n  }\n": typeof types.SyncHiredCandidatesDocument,
    "\n  query GetAtsSyncRun($taskId: ID!) {\n    atsSyncRun(taskId: $taskId) {\n      id\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      results {\n        pairId\n        candidateName\n        sourceName\n        outcome\n        remoteStatus\n        remoteId\n        message\n        calls\n        at\n      }\n    }\n  }\n": typeof types.GetAtsSyncRunDocument,
    "\n  query GetAtsSyncHistory($days: Int!) {\n    atsSyncRuns(first: 100) {\n      id\n      taskId\n      jobPostingId\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      startedAt\n      finishedAt\n    }\n    atsSyncStats(days: $days) {\n      day\n      sourceId\n      sourceName\n      synced\n      unchanged\n      failed\n      successRate\n    }\n  }\n": typeof types.GetAtsSyncHistoryDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query GetViewer {\n    me {\n      ...Viewer\n    }\n  }\n": typeof types.GetViewerDocument,
    "\n  fragment Viewer on User {\n    id\n    email\n    name\n    role\n    active\n  }\n": typeof types.ViewerFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation CreateDevice($input: CreateDeviceInput!) {\n    createDevice(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateDeviceDocument,
    "\n  mutation TestDeviceConnection($id: ID!) {\n    testDeviceConnection(id: $id) {\n      ok\n      reason\n      message\n      elapsedMs\n      info {\n        serialNumber\n        firmware\n        userCount\n        logCount\n        logCapacity\n        deviceTime\n        clockDriftSeconds\n      }\n    }\n  }\n": typeof types.TestDeviceConnectionDocument,
    "\n  mutation SyncEmployeesToDevice($deviceId: ID!) {\n    syncEmployeesToDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n": typeof types.SyncEmployeesToDeviceDocument,
    "\n  mutation SyncEmployeesFromDevice($deviceId: ID!) {\n    syncEmployeesFromDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n": typeof types.SyncEmployeesFromDeviceDocument,
    "\n  mutation DownloadAttendance($deviceId: ID!, $input: DownloadAttendanceInput) {\n    downloadAttendance(deviceId: $deviceId, input: $input) {\n      id\n    }\n  }\n": typeof types.DownloadAttendanceDocument,
    "\n  query GetAttendance($first: Int!, $after: String, $filter: AttendanceFilter) {\n    attendanceEvents(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          occurredAt\n          deviceUserId\n          verifyMethod\n          punchState\n          employee {\n            id\n            name\n            employeeNumber\n          }\n          device {\n            id\n            name\n            timezone\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetAttendanceDocument,
    "\n  query GetDevices {\n    devices {\n      id\n      name\n      address\n      port\n      timezone\n      location\n      enabled\n      serialNumber\n      lastSyncAt\n      lastSyncType\n      lastSyncStatus\n      lastSyncMessage\n      lastSyncTask {\n        id\n      }\n      openTasks {\n        id\n        type\n        status\n        progress {\n          current\n          total\n          message\n        }\n      }\n    }\n  }\n": typeof types.GetDevicesDocument,
    "\n  subscription OnDeviceTaskUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.OnDeviceTaskUpdatedDocument,
    "\n  query GetEmployees($first: Int!, $after: String, $filter: EmployeeFilter) {\n    employees(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          employeeNumber\n          name\n          cardNumber\n          privilege\n          department\n          active\n          deviceUid\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    employeeDepartments\n  }\n": typeof types.GetEmployeesDocument,
    "\n  query GetCandidateExport {\n    candidateExport {\n      target\n      updatedAt\n      rowCount\n      downloadUrl\n    }\n  }\n": typeof types.GetCandidateExportDocument,
    "\n  query GetExportSchedules {\n    schedules {\n      id\n      version\n      name\n      taskType\n      description\n      paused\n      nextFires(count: 1)\n      lastFire {\n        at\n        skippedReason\n        task {\n          id\n          status\n          version\n        }\n      }\n    }\n  }\n": typeof types.GetExportSchedulesDocument,
    "\n  subscription OnSyncTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n      error\n      progress {\n        percent\n        message\n      }\n    }\n  }\n": typeof types.OnSyncTaskUpdatedDocument,
    "\n  mutation SyncCandidateExport($scheduleId: ID!) {\n    triggerSchedule(id: $scheduleId) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.SyncCandidateExportDocument,
    "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      ...InterviewRow\n    }\n  }\n": typeof types.CancelInterviewDocument,
    "\n  query GetInterviewPostings($first: Int!) {\n    jobPostings(first: $first) {\n      edges {\n        node {\n          id\n          title\n          candidateCount\n        }\n      }\n    }\n  }\n": typeof types.GetInterviewPostingsDocument,
    "\n  query GetInterviewCandidates($id: ID!, $first: Int!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: $first) {\n        edges {\n          node {\n            id\n            name\n            email\n          }\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.GetInterviewCandidatesDocument,
    "\n  query GetInterviews($from: DateTime, $to: DateTime) {\n    interviews(from: $from, to: $to) {\n      ...InterviewRow\n    }\n  }\n": typeof types.GetInterviewsDocument,
    "\n  fragment InterviewRow on Interview {\n    id\n    startsAt\n    interviewerEmails\n    location\n    link\n    cancelledAt\n    reminder24hSentAt\n    reminder1hSentAt\n    candidate {\n      id\n      name\n      email\n    }\n    jobPosting {\n      id\n      title\n    }\n  }\n": typeof types.InterviewRowFragmentDoc,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewRow\n    }\n  }\n": typeof types.ScheduleInterviewDocument,
    "\n  mutation UpdateInterview($id: ID!, $input: UpdateInterviewInput!) {\n    updateInterview(id: $id, input: $input) {\n      ...InterviewRow\n    }\n  }\n": typeof types.UpdateInterviewDocument,
    "\n  mutation AddCandidates($jobPostingId: ID!, $candidates: [CandidateInput!]!) {\n    addCandidates(jobPostingId: $jobPostingId, candidates: $candidates) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AddCandidatesDocument,
    "\n  mutation CreateDemoData {\n    createDemoData {\n      id\n      title\n      candidateCount\n    }\n  }\n": typeof types.CreateDemoDataDocument,
    "\n  mutation CreateJobPosting($input: CreateJobPostingInput!) {\n    createJobPosting(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateJobPostingDocument,
    "\n  query GetJobPosting($id: ID!, $first: Int!, $after: String) {\n    jobPosting(id: $id) {\n      id\n      title\n      description\n      requiredSkills\n      niceToHaveSkills\n      candidateCount\n      createdAt\n      latestRanking {\n        id\n        status\n        version\n        finishedAt\n      }\n      candidates(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            email\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.GetJobPostingDocument,
    "\n  query GetJobPostings($first: Int!, $after: String) {\n    jobPostings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          requiredSkills\n          candidateCount\n          createdAt\n          latestRanking {\n            id\n            status\n            version\n            finishedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetJobPostingsDocument,
    "\n  mutation RankCandidates($jobPostingId: ID!) {\n    rankCandidates(jobPostingId: $jobPostingId) {\n      id\n      type\n      status\n      version\n    }\n  }\n": typeof types.RankCandidatesDocument,
    "\n  query MyTasks {\n    tasks(first: 15) {\n      edges {\n        node {\n          ...TaskListItem\n          error\n          createdBy {\n            id\n          }\n          queuePlace {\n            position\n            estimatedStartAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  subscription OnOperationsUpdated {\n    operationsUpdated {\n      generatedAt\n      waiting\n      running\n      queueDepth {\n        taskType\n        queue\n        pending\n        retrying\n        running\n        paused\n      }\n      queues {\n        queue\n        waiting\n        running\n        paused\n      }\n      runningTasks {\n        taskId\n        taskType\n        startedAt\n        workerPoolId\n        percent\n      }\n      lastHour {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      lastDay {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      durations {\n        taskType\n        count\n        avgMs\n        p95Ms\n      }\n      schedulesDueNext {\n        at\n        schedule {\n          id\n          name\n          taskType\n        }\n      }\n      recentFailures {\n        taskId\n        taskType\n        error\n        attempts\n        finishedAt\n      }\n      paused {\n        kind\n        name\n        pausedAt\n      }\n      workerPools {\n        id\n        host\n        pid\n        version\n        concurrency\n        running\n        load\n        state\n        heartbeatAt\n        heartbeatAgeSeconds\n        taskTypes\n      }\n    }\n  }\n": typeof types.OnOperationsUpdatedDocument,
    "\n  mutation PauseQueue($queue: String!) {\n    pauseQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n": typeof types.PauseQueueDocument,
    "\n  mutation PauseTaskType($taskType: String!) {\n    pauseTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n": typeof types.PauseTaskTypeDocument,
    "\n  mutation ResumeQueue($queue: String!) {\n    resumeQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n": typeof types.ResumeQueueDocument,
    "\n  mutation ResumeTaskType($taskType: String!) {\n    resumeTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n": typeof types.ResumeTaskTypeDocument,
    "\n  query GetOutbox($first: Int!, $after: String, $status: OutboxStatus) {\n    outbox(first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          template\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          html\n          text\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetOutboxDocument,
    "\n  query GetReport($id: ID!) {\n    report(id: $id) {\n      id\n      kind\n      periodStart\n      periodEnd\n      emailedAt\n      createdAt\n      updatedAt\n      data\n    }\n  }\n": typeof types.GetReportDocument,
    "\n  query GetReports($first: Int!, $after: String) {\n    reports(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          periodStart\n          periodEnd\n          emailedAt\n          updatedAt\n          data\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetReportsDocument,
    "\n  query AiSettings {\n    aiSettings {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n": typeof types.AiSettingsDocument,
    "\n  mutation UpdateAiSettings($input: AiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n": typeof types.UpdateAiSettingsDocument,
    "\n  query Credits($userId: ID) {\n    credits(userId: $userId) {\n      userId\n      balance\n      held\n      available\n    }\n    creditLedger(userId: $userId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          amount\n          held\n          taskId\n          note\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.CreditsDocument,
    "\n  mutation TopUpCredits($userId: ID!, $amount: Int!, $note: String) {\n    topUpCredits(userId: $userId, amount: $amount, note: $note) {\n      userId\n      balance\n      held\n      available\n    }\n  }\n": typeof types.TopUpCreditsDocument,
    "\n  query ResumeAnalyses($jobPostingId: ID!, $taskId: ID) {\n    resumeAnalyses(jobPostingId: $jobPostingId, taskId: $taskId) {\n      id\n      candidateId\n      mode\n      engine\n      model\n      fitScore\n      matchedRequirements\n      missingRequirements\n      strengths\n      concerns\n      assessment\n      interviewQuestions\n      promptTokens\n      completionTokens\n      estimatedCostUsd\n      profile {\n        skills\n        yearsOfExperience\n        education\n        recentRoles {\n          title\n          company\n        }\n      }\n    }\n  }\n": typeof types.ResumeAnalysesDocument,
    "\n  mutation AnalyzeResumes($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {\n    analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) {\n      id\n      type\n      status\n      version\n    }\n  }\n": typeof types.AnalyzeResumesDocument,
    "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleRow\n    }\n  }\n": typeof types.CreateScheduleDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteScheduleDocument,
    "\n  query GetScheduleTaskTypes {\n    taskTypes {\n      name\n      title\n    }\n  }\n": typeof types.GetScheduleTaskTypesDocument,
    "\n  query GetSchedulerOverview($nextFires: Int!) {\n    schedulerOverview(nextFires: $nextFires) {\n      schedules\n      active\n      running\n      paused\n      lastTickAt\n      workerPoolsAlive\n      nextFires {\n        at\n        schedule {\n          id\n          name\n          timezone\n        }\n      }\n      last24h {\n        fires\n        completed\n        failed\n        cancelled\n        inProgress\n        skipped\n        successRate\n      }\n    }\n  }\n": typeof types.GetSchedulerOverviewDocument,
    "\n  query GetSchedules {\n    schedules {\n      ...ScheduleRow\n    }\n  }\n": typeof types.GetSchedulesDocument,
    "\n  subscription OnScheduleTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.OnScheduleTaskUpdatedDocument,
    "\n  subscription OnScheduleUpdated {\n    scheduleUpdated {\n      id\n      version\n      deleted\n      schedule {\n        ...ScheduleRow\n      }\n    }\n  }\n": typeof types.OnScheduleUpdatedDocument,
    "\n  mutation PauseSchedule($id: ID!) {\n    pauseSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n": typeof types.PauseScheduleDocument,
    "\n  query PreviewSchedule($cron: String, $intervalSeconds: Int, $timezone: String!, $count: Int!) {\n    previewSchedule(cron: $cron, intervalSeconds: $intervalSeconds, timezone: $timezone, count: $count) {\n      description\n      nextFires\n    }\n  }\n": typeof types.PreviewScheduleDocument,
    "\n  mutation ResumeSchedule($id: ID!) {\n    resumeSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n": typeof types.ResumeScheduleDocument,
    "\n  fragment ScheduleRow on Schedule {\n    id\n    version\n    name\n    taskType\n    payload\n    cron\n    intervalSeconds\n    timezone\n    description\n    status\n    paused\n    overlapPolicy\n    catchUpPolicy\n    catchUpCap\n    nextFires(count: 3)\n    lastFire {\n      at\n      skippedReason\n      task {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.ScheduleRowFragmentDoc,
    "\n  mutation TriggerSchedule($id: ID!, $force: Boolean!) {\n    triggerSchedule(id: $id, force: $force) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.TriggerScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleRow\n    }\n  }\n": typeof types.UpdateScheduleDocument,
    "\n  mutation CancelTask($id: ID!) {\n    cancelTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n": typeof types.CancelTaskDocument,
    "\n  query GetTaskTypes {\n    taskTypes {\n      name\n      title\n      maxAttempts\n      timeLimitSeconds\n    }\n  }\n": typeof types.GetTaskTypesDocument,
    "\n  query GetTasks($first: Int!, $after: String, $filter: TaskFilter) {\n    tasks(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...TaskListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GetTasksDocument,
    "\n  subscription OnTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      ...TaskDetail\n    }\n  }\n": typeof types.OnTaskUpdatedDocument,
    "\n  subscription OnTasksUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      ...TaskListItem\n    }\n  }\n": typeof types.OnTasksUpdatedDocument,
    "\n  mutation RetryTask($id: ID!) {\n    retryTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n": typeof types.RetryTaskDocument,
    "\n  fragment TaskListItem on Task {\n    id\n    type\n    status\n    version\n    progress {\n      current\n      total\n      percent\n      message\n    }\n    successCount\n    failureCount\n    attempts\n    maxAttempts\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    updatedAt\n  }\n": typeof types.TaskListItemFragmentDoc,
    "\n  fragment TaskDetail on Task {\n    ...TaskListItem\n    error\n    result\n    payload\n    runAt\n    errors(first: 100) {\n      itemKey\n      itemLabel\n      message\n      attempt\n      createdAt\n    }\n  }\n": typeof types.TaskDetailFragmentDoc,
    "\n  query GetWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      secretLast4\n      enabled\n      createdAt\n      deliveries(first: 25) {\n        id\n        event\n        status\n        attempts\n        lastStatus\n        lastError\n        taskId\n        createdAt\n        finishedAt\n        attemptLog {\n          attempt\n          at\n          responseStatus\n          error\n          durationMs\n        }\n      }\n    }\n  }\n": typeof types.GetWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      enabled\n      events\n      url\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      taskId\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  subscription OnTasksChanged($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.OnTasksChangedDocument,
};
const documents: Documents = {
    "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...UserRow\n    }\n  }\n": types.ChangeUserRoleDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserRow\n      }\n      temporaryPassword\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query GetAuditLog($first: Int!, $after: String, $action: String) {\n    auditLog(first: $first, after: $after, action: $action) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorEmail\n          via\n          action\n          targetType\n          targetId\n          details\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetAuditLogDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    name\n    role\n    active\n    createdAt\n  }\n": types.UserRowFragmentDoc,
    "\n  query GetUsers {\n    users {\n      ...UserRow\n    }\n  }\n": types.GetUsersDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query GetApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": types.GetApiKeysDocument,
    "\n  query GetScopes {\n    scopes\n  }\n": types.GetScopesDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment AtsSourceFields on AtsSource {\n    id\n    name\n    kind\n    baseUrl\n    authKind\n    credentialsSet\n    credentialsLast4\n    settings\n    fieldMapping\n    jobPostingIds\n    enabled\n    concurrency\n    updatedAt\n  }\n": types.AtsSourceFieldsFragmentDoc,
    "\n  query GetAtsSources {\n    atsSources {\n      ...AtsSourceFields\n    }\n  }\n": types.GetAtsSourcesDocument,
    "\n  mutation CreateAtsSource($input: AtsSourceInput!) {\n    createAtsSource(input: $input) {\n      ...AtsSourceFields\n    }\n  }\n": types.CreateAtsSourceDocument,
    "\n  mutation UpdateAtsSource($id: ID!, $input: AtsSourceInput!) {\n    updateAtsSource(id: $id, input: $input) {\n      ...AtsSourceFields\n    }\n  }\n": types.UpdateAtsSourceDocument,
    "\n  mutation TestAtsSource($id: ID!) {\n    testAtsSource(id: $id) {\n      ok\n      reason\n      status\n      message\n      durationMs\n    }\n  }\n": types.TestAtsSourceDocument,
    "\n  query GetPostingHiring($id: ID!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            email\n            hiringStatus\n          }\n        }\n      }\n      hiredCandidates {\n        id\n        atsSync {\n          sourceId\n          sourceName\n          remoteId\n          syncedAt\n          lastOutcome\n          lastStatus\n          lastMessage\n        }\n      }\n    }\n    atsSources {\n      id\n      name\n      enabled\n      jobPostingIds\n    }\n  }\n": types.GetPostingHiringDocument,
    "\n  mutation MoveCandidate($id: ID!, $status: HiringStatus!) {\n    moveCandidate(id: $id, status: $status) {\n      id\n      hiringStatus\n      hiringStatusChangedAt\n    }\n  }\n": types.MoveCandidateDocument,
    "\n  mutation SyncHiredCandidates($jobPostingId: ID!, $sourceIds: [ID!]) {\n    syncHiredCandidates(jobPostingId: $jobPostingId, sourceIds: $sourceIds) {\n      id\n      status\n    }\n  }\n": types.SyncHiredCandidatesDocument,
    "\n  query GetAtsSyncRun($taskId: ID!) {\n    atsSyncRun(taskId: $taskId) {\n      id\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      results {\n        pairId\n        candidateName\n        sourceName\n        outcome\n        remoteStatus\n        remoteId\n        message\n        calls\n        at\n      }\n    }\n  }\n": types.GetAtsSyncRunDocument,
    "\n  query GetAtsSyncHistory($days: Int!) {\n    atsSyncRuns(first: 100) {\n      id\n      taskId\n      jobPostingId\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      startedAt\n      finishedAt\n    }\n    atsSyncStats(days: $days) {\n      day\n      sourceId\n      sourceName\n      synced\n      unchanged\n      failed\n      successRate\n    }\n  }\n": types.GetAtsSyncHistoryDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query GetViewer {\n    me {\n      ...Viewer\n    }\n  }\n": types.GetViewerDocument,
    "\n  fragment Viewer on User {\n    id\n    email\n    name\n    role\n    active\n  }\n": types.ViewerFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n      expiresAt\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation CreateDevice($input: CreateDeviceInput!) {\n    createDevice(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateDeviceDocument,
    "\n  mutation TestDeviceConnection($id: ID!) {\n    testDeviceConnection(id: $id) {\n      ok\n      reason\n      message\n      elapsedMs\n      info {\n        serialNumber\n        firmware\n        userCount\n        logCount\n        logCapacity\n        deviceTime\n        clockDriftSeconds\n      }\n    }\n  }\n": types.TestDeviceConnectionDocument,
    "\n  mutation SyncEmployeesToDevice($deviceId: ID!) {\n    syncEmployeesToDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n": types.SyncEmployeesToDeviceDocument,
    "\n  mutation SyncEmployeesFromDevice($deviceId: ID!) {\n    syncEmployeesFromDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n": types.SyncEmployeesFromDeviceDocument,
    "\n  mutation DownloadAttendance($deviceId: ID!, $input: DownloadAttendanceInput) {\n    downloadAttendance(deviceId: $deviceId, input: $input) {\n      id\n    }\n  }\n": types.DownloadAttendanceDocument,
    "\n  query GetAttendance($first: Int!, $after: String, $filter: AttendanceFilter) {\n    attendanceEvents(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          occurredAt\n          deviceUserId\n          verifyMethod\n          punchState\n          employee {\n            id\n            name\n            employeeNumber\n          }\n          device {\n            id\n            name\n            timezone\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetAttendanceDocument,
    "\n  query GetDevices {\n    devices {\n      id\n      name\n      address\n      port\n      timezone\n      location\n      enabled\n      serialNumber\n      lastSyncAt\n      lastSyncType\n      lastSyncStatus\n      lastSyncMessage\n      lastSyncTask {\n        id\n      }\n      openTasks {\n        id\n        type\n        status\n        progress {\n          current\n          total\n          message\n        }\n      }\n    }\n  }\n": types.GetDevicesDocument,
    "\n  subscription OnDeviceTaskUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n": types.OnDeviceTaskUpdatedDocument,
    "\n  query GetEmployees($first: Int!, $after: String, $filter: EmployeeFilter) {\n    employees(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          employeeNumber\n          name\n          cardNumber\n          privilege\n          department\n          active\n          deviceUid\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    employeeDepartments\n  }\n": types.GetEmployeesDocument,
    "\n  query GetCandidateExport {\n    candidateExport {\n      target\n      updatedAt\n      rowCount\n      downloadUrl\n    }\n  }\n": types.GetCandidateExportDocument,
    "\n  query GetExportSchedules {\n    schedules {\n      id\n      version\n      name\n      taskType\n      description\n      paused\n      nextFires(count: 1)\n      lastFire {\n        at\n        skippedReason\n        task {\n          id\n          status\n          version\n        }\n      }\n    }\n  }\n": types.GetExportSchedulesDocument,
    "\n  subscription OnSyncTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n      error\n      progress {\n        percent\n        message\n      }\n    }\n  }\n": types.OnSyncTaskUpdatedDocument,
    "\n  mutation SyncCandidateExport($scheduleId: ID!) {\n    triggerSchedule(id: $scheduleId) {\n      id\n      status\n      version\n    }\n  }\n": types.SyncCandidateExportDocument,
    "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      ...InterviewRow\n    }\n  }\n": types.CancelInterviewDocument,
    "\n  query GetInterviewPostings($first: Int!) {\n    jobPostings(first: $first) {\n      edges {\n        node {\n          id\n          title\n          candidateCount\n        }\n      }\n    }\n  }\n": types.GetInterviewPostingsDocument,
    "\n  query GetInterviewCandidates($id: ID!, $first: Int!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: $first) {\n        edges {\n          node {\n            id\n            name\n            email\n          }\n        }\n        totalCount\n      }\n    }\n  }\n": types.GetInterviewCandidatesDocument,
    "\n  query GetInterviews($from: DateTime, $to: DateTime) {\n    interviews(from: $from, to: $to) {\n      ...InterviewRow\n    }\n  }\n": types.GetInterviewsDocument,
    "\n  fragment InterviewRow on Interview {\n    id\n    startsAt\n    interviewerEmails\n    location\n    link\n    cancelledAt\n    reminder24hSentAt\n    reminder1hSentAt\n    candidate {\n      id\n      name\n      email\n    }\n    jobPosting {\n      id\n      title\n    }\n  }\n": types.InterviewRowFragmentDoc,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewRow\n    }\n  }\n": types.ScheduleInterviewDocument,
    "\n  mutation UpdateInterview($id: ID!, $input: UpdateInterviewInput!) {\n    updateInterview(id: $id, input: $input) {\n      ...InterviewRow\n    }\n  }\n": types.UpdateInterviewDocument,
    "\n  mutation AddCandidates($jobPostingId: ID!, $candidates: [CandidateInput!]!) {\n    addCandidates(jobPostingId: $jobPostingId, candidates: $candidates) {\n      id\n      name\n      email\n    }\n  }\n": types.AddCandidatesDocument,
    "\n  mutation CreateDemoData {\n    createDemoData {\n      id\n      title\n      candidateCount\n    }\n  }\n": types.CreateDemoDataDocument,
    "\n  mutation CreateJobPosting($input: CreateJobPostingInput!) {\n    createJobPosting(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateJobPostingDocument,
    "\n  query GetJobPosting($id: ID!, $first: Int!, $after: String) {\n    jobPosting(id: $id) {\n      id\n      title\n      description\n      requiredSkills\n      niceToHaveSkills\n      candidateCount\n      createdAt\n      latestRanking {\n        id\n        status\n        version\n        finishedAt\n      }\n      candidates(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            email\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.GetJobPostingDocument,
    "\n  query GetJobPostings($first: Int!, $after: String) {\n    jobPostings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          requiredSkills\n          candidateCount\n          createdAt\n          latestRanking {\n            id\n            status\n            version\n            finishedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetJobPostingsDocument,
    "\n  mutation RankCandidates($jobPostingId: ID!) {\n    rankCandidates(jobPostingId: $jobPostingId) {\n      id\n      type\n      status\n      version\n    }\n  }\n": types.RankCandidatesDocument,
    "\n  query MyTasks {\n    tasks(first: 15) {\n      edges {\n        node {\n          ...TaskListItem\n          error\n          createdBy {\n            id\n          }\n          queuePlace {\n            position\n            estimatedStartAt\n          }\n        }\n      }\n    }\n  }\n": types.MyTasksDocument,
    "\n  subscription OnOperationsUpdated {\n    operationsUpdated {\n      generatedAt\n      waiting\n      running\n      queueDepth {\n        taskType\n        queue\n        pending\n        retrying\n        running\n        paused\n      }\n      queues {\n        queue\n        waiting\n        running\n        paused\n      }\n      runningTasks {\n        taskId\n        taskType\n        startedAt\n        workerPoolId\n        percent\n      }\n      lastHour {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      lastDay {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      durations {\n        taskType\n        count\n        avgMs\n        p95Ms\n      }\n      schedulesDueNext {\n        at\n        schedule {\n          id\n          name\n          taskType\n        }\n      }\n      recentFailures {\n        taskId\n        taskType\n        error\n        attempts\n        finishedAt\n      }\n      paused {\n        kind\n        name\n        pausedAt\n      }\n      workerPools {\n        id\n        host\n        pid\n        version\n        concurrency\n        running\n        load\n        state\n        heartbeatAt\n        heartbeatAgeSeconds\n        taskTypes\n      }\n    }\n  }\n": types.OnOperationsUpdatedDocument,
    "\n  mutation PauseQueue($queue: String!) {\n    pauseQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n": types.PauseQueueDocument,
    "\n  mutation PauseTaskType($taskType: String!) {\n    pauseTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n": types.PauseTaskTypeDocument,
    "\n  mutation ResumeQueue($queue: String!) {\n    resumeQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n": types.ResumeQueueDocument,
    "\n  mutation ResumeTaskType($taskType: String!) {\n    resumeTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n": types.ResumeTaskTypeDocument,
    "\n  query GetOutbox($first: Int!, $after: String, $status: OutboxStatus) {\n    outbox(first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          template\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          html\n          text\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetOutboxDocument,
    "\n  query GetReport($id: ID!) {\n    report(id: $id) {\n      id\n      kind\n      periodStart\n      periodEnd\n      emailedAt\n      createdAt\n      updatedAt\n      data\n    }\n  }\n": types.GetReportDocument,
    "\n  query GetReports($first: Int!, $after: String) {\n    reports(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          periodStart\n          periodEnd\n          emailedAt\n          updatedAt\n          data\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetReportsDocument,
    "\n  query AiSettings {\n    aiSettings {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n": types.AiSettingsDocument,
    "\n  mutation UpdateAiSettings($input: AiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n": types.UpdateAiSettingsDocument,
    "\n  query Credits($userId: ID) {\n    credits(userId: $userId) {\n      userId\n      balance\n      held\n      available\n    }\n    creditLedger(userId: $userId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          amount\n          held\n          taskId\n          note\n          createdAt\n        }\n      }\n    }\n  }\n": types.CreditsDocument,
    "\n  mutation TopUpCredits($userId: ID!, $amount: Int!, $note: String) {\n    topUpCredits(userId: $userId, amount: $amount, note: $note) {\n      userId\n      balance\n      held\n      available\n    }\n  }\n": types.TopUpCreditsDocument,
    "\n  query ResumeAnalyses($jobPostingId: ID!, $taskId: ID) {\n    resumeAnalyses(jobPostingId: $jobPostingId, taskId: $taskId) {\n      id\n      candidateId\n      mode\n      engine\n      model\n      fitScore\n      matchedRequirements\n      missingRequirements\n      strengths\n      concerns\n      assessment\n      interviewQuestions\n      promptTokens\n      completionTokens\n      estimatedCostUsd\n      profile {\n        skills\n        yearsOfExperience\n        education\n        recentRoles {\n          title\n          company\n        }\n      }\n    }\n  }\n": types.ResumeAnalysesDocument,
    "\n  mutation AnalyzeResumes($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {\n    analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) {\n      id\n      type\n      status\n      version\n    }\n  }\n": types.AnalyzeResumesDocument,
    "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleRow\n    }\n  }\n": types.CreateScheduleDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id) {\n      id\n    }\n  }\n": types.DeleteScheduleDocument,
    "\n  query GetScheduleTaskTypes {\n    taskTypes {\n      name\n      title\n    }\n  }\n": types.GetScheduleTaskTypesDocument,
    "\n  query GetSchedulerOverview($nextFires: Int!) {\n    schedulerOverview(nextFires: $nextFires) {\n      schedules\n      active\n      running\n      paused\n      lastTickAt\n      workerPoolsAlive\n      nextFires {\n        at\n        schedule {\n          id\n          name\n          timezone\n        }\n      }\n      last24h {\n        fires\n        completed\n        failed\n        cancelled\n        inProgress\n        skipped\n        successRate\n      }\n    }\n  }\n": types.GetSchedulerOverviewDocument,
    "\n  query GetSchedules {\n    schedules {\n      ...ScheduleRow\n    }\n  }\n": types.GetSchedulesDocument,
    "\n  subscription OnScheduleTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.OnScheduleTaskUpdatedDocument,
    "\n  subscription OnScheduleUpdated {\n    scheduleUpdated {\n      id\n      version\n      deleted\n      schedule {\n        ...ScheduleRow\n      }\n    }\n  }\n": types.OnScheduleUpdatedDocument,
    "\n  mutation PauseSchedule($id: ID!) {\n    pauseSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n": types.PauseScheduleDocument,
    "\n  query PreviewSchedule($cron: String, $intervalSeconds: Int, $timezone: String!, $count: Int!) {\n    previewSchedule(cron: $cron, intervalSeconds: $intervalSeconds, timezone: $timezone, count: $count) {\n      description\n      nextFires\n    }\n  }\n": types.PreviewScheduleDocument,
    "\n  mutation ResumeSchedule($id: ID!) {\n    resumeSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n": types.ResumeScheduleDocument,
    "\n  fragment ScheduleRow on Schedule {\n    id\n    version\n    name\n    taskType\n    payload\n    cron\n    intervalSeconds\n    timezone\n    description\n    status\n    paused\n    overlapPolicy\n    catchUpPolicy\n    catchUpCap\n    nextFires(count: 3)\n    lastFire {\n      at\n      skippedReason\n      task {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.ScheduleRowFragmentDoc,
    "\n  mutation TriggerSchedule($id: ID!, $force: Boolean!) {\n    triggerSchedule(id: $id, force: $force) {\n      id\n      status\n      version\n    }\n  }\n": types.TriggerScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleRow\n    }\n  }\n": types.UpdateScheduleDocument,
    "\n  mutation CancelTask($id: ID!) {\n    cancelTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n": types.CancelTaskDocument,
    "\n  query GetTaskTypes {\n    taskTypes {\n      name\n      title\n      maxAttempts\n      timeLimitSeconds\n    }\n  }\n": types.GetTaskTypesDocument,
    "\n  query GetTasks($first: Int!, $after: String, $filter: TaskFilter) {\n    tasks(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...TaskListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GetTasksDocument,
    "\n  subscription OnTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      ...TaskDetail\n    }\n  }\n": types.OnTaskUpdatedDocument,
    "\n  subscription OnTasksUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      ...TaskListItem\n    }\n  }\n": types.OnTasksUpdatedDocument,
    "\n  mutation RetryTask($id: ID!) {\n    retryTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n": types.RetryTaskDocument,
    "\n  fragment TaskListItem on Task {\n    id\n    type\n    status\n    version\n    progress {\n      current\n      total\n      percent\n      message\n    }\n    successCount\n    failureCount\n    attempts\n    maxAttempts\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    updatedAt\n  }\n": types.TaskListItemFragmentDoc,
    "\n  fragment TaskDetail on Task {\n    ...TaskListItem\n    error\n    result\n    payload\n    runAt\n    errors(first: 100) {\n      itemKey\n      itemLabel\n      message\n      attempt\n      createdAt\n    }\n  }\n": types.TaskDetailFragmentDoc,
    "\n  query GetWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      secretLast4\n      enabled\n      createdAt\n      deliveries(first: 25) {\n        id\n        event\n        status\n        attempts\n        lastStatus\n        lastError\n        taskId\n        createdAt\n        finishedAt\n        attemptLog {\n          attempt\n          at\n          responseStatus\n          error\n          durationMs\n        }\n      }\n    }\n  }\n": types.GetWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      enabled\n      events\n      url\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      taskId\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  subscription OnTasksChanged($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n": types.OnTasksChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeUserRole($id: ID!, $role: Role!) {\n    changeUserRole(id: $id, role: $role) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserRow\n      }\n      temporaryPassword\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserRow\n      }\n      temporaryPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAuditLog($first: Int!, $after: String, $action: String) {\n    auditLog(first: $first, after: $after, action: $action) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorEmail\n          via\n          action\n          targetType\n          targetId\n          details\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetAuditLog($first: Int!, $after: String, $action: String) {\n    auditLog(first: $first, after: $after, action: $action) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorEmail\n          via\n          action\n          targetType\n          targetId\n          details\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    email\n    name\n    role\n    active\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    email\n    name\n    role\n    active\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetUsers {\n    users {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  query GetUsers {\n    users {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  query GetApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetScopes {\n    scopes\n  }\n"): (typeof documents)["\n  query GetScopes {\n    scopes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AtsSourceFields on AtsSource {\n    id\n    name\n    kind\n    baseUrl\n    authKind\n    credentialsSet\n    credentialsLast4\n    settings\n    fieldMapping\n    jobPostingIds\n    enabled\n    concurrency\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AtsSourceFields on AtsSource {\n    id\n    name\n    kind\n    baseUrl\n    authKind\n    credentialsSet\n    credentialsLast4\n    settings\n    fieldMapping\n    jobPostingIds\n    enabled\n    concurrency\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAtsSources {\n    atsSources {\n      ...AtsSourceFields\n    }\n  }\n"): (typeof documents)["\n  query GetAtsSources {\n    atsSources {\n      ...AtsSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAtsSource($input: AtsSourceInput!) {\n    createAtsSource(input: $input) {\n      ...AtsSourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAtsSource($input: AtsSourceInput!) {\n    createAtsSource(input: $input) {\n      ...AtsSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAtsSource($id: ID!, $input: AtsSourceInput!) {\n    updateAtsSource(id: $id, input: $input) {\n      ...AtsSourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAtsSource($id: ID!, $input: AtsSourceInput!) {\n    updateAtsSource(id: $id, input: $input) {\n      ...AtsSourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAtsSource($id: ID!) {\n    testAtsSource(id: $id) {\n      ok\n      reason\n      status\n      message\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation TestAtsSource($id: ID!) {\n    testAtsSource(id: $id) {\n      ok\n      reason\n      status\n      message\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPostingHiring($id: ID!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            email\n            hiringStatus\n          }\n        }\n      }\n      hiredCandidates {\n        id\n        atsSync {\n          sourceId\n          sourceName\n          remoteId\n          syncedAt\n          lastOutcome\n          lastStatus\n          lastMessage\n        }\n      }\n    }\n    atsSources {\n      id\n      name\n      enabled\n      jobPostingIds\n    }\n  }\n"): (typeof documents)["\n  query GetPostingHiring($id: ID!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            email\n            hiringStatus\n          }\n        }\n      }\n      hiredCandidates {\n        id\n        atsSync {\n          sourceId\n          sourceName\n          remoteId\n          syncedAt\n          lastOutcome\n          lastStatus\n          lastMessage\n        }\n      }\n    }\n    atsSources {\n      id\n      name\n      enabled\n      jobPostingIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCandidate($id: ID!, $status: HiringStatus!) {\n    moveCandidate(id: $id, status: $status) {\n      id\n      hiringStatus\n      hiringStatusChangedAt\n    }\n  }\n"): (typeof documents)["\n  mutation MoveCandidate($id: ID!, $status: HiringStatus!) {\n    moveCandidate(id: $id, status: $status) {\n      id\n      hiringStatus\n      hiringStatusChangedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncHiredCandidates($jobPostingId: ID!, $sourceIds: [ID!]) {\n    syncHiredCandidates(jobPostingId: $jobPostingId, sourceIds: $sourceIds) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SyncHiredCandidates($jobPostingId: ID!, $sourceIds: [ID!]) {\n    syncHiredCandidates(jobPostingId: $jobPostingId, sourceIds: $sourceIds) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAtsSyncRun($taskId: ID!) {\n    atsSyncRun(taskId: $taskId) {\n      id\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      results {\n        pairId\n        candidateName\n        sourceName\n        outcome\n        remoteStatus\n        remoteId\n        message\n        calls\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetAtsSyncRun($taskId: ID!) {\n    atsSyncRun(taskId: $taskId) {\n      id\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      results {\n        pairId\n        candidateName\n        sourceName\n        outcome\n        remoteStatus\n        remoteId\n        message\n        calls\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAtsSyncHistory($days: Int!) {\n    atsSyncRuns(first: 100) {\n      id\n      taskId\n      jobPostingId\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      startedAt\n      finishedAt\n    }\n    atsSyncStats(days: $days) {\n      day\n      sourceId\n      sourceName\n      synced\n      unchanged\n      failed\n      successRate\n    }\n  }\n"): (typeof documents)["\n  query GetAtsSyncHistory($days: Int!) {\n    atsSyncRuns(first: 100) {\n      id\n      taskId\n      jobPostingId\n      trigger\n      status\n      startedByEmail\n      pairsTotal\n      synced\n      unchanged\n      failed\n      startedAt\n      finishedAt\n    }\n    atsSyncStats(days: $days) {\n      day\n      sourceId\n      sourceName\n      synced\n      unchanged\n      failed\n      successRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetViewer {\n    me {\n      ...Viewer\n    }\n  }\n"): (typeof documents)["\n  query GetViewer {\n    me {\n      ...Viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer on User {\n    id\n    email\n    name\n    role\n    active\n  }\n"): (typeof documents)["\n  fragment Viewer on User {\n    id\n    email\n    name\n    role\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        ...Viewer\n      }\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDevice($input: CreateDeviceInput!) {\n    createDevice(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDevice($input: CreateDeviceInput!) {\n    createDevice(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDeviceConnection($id: ID!) {\n    testDeviceConnection(id: $id) {\n      ok\n      reason\n      message\n      elapsedMs\n      info {\n        serialNumber\n        firmware\n        userCount\n        logCount\n        logCapacity\n        deviceTime\n        clockDriftSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestDeviceConnection($id: ID!) {\n    testDeviceConnection(id: $id) {\n      ok\n      reason\n      message\n      elapsedMs\n      info {\n        serialNumber\n        firmware\n        userCount\n        logCount\n        logCapacity\n        deviceTime\n        clockDriftSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncEmployeesToDevice($deviceId: ID!) {\n    syncEmployeesToDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SyncEmployeesToDevice($deviceId: ID!) {\n    syncEmployeesToDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncEmployeesFromDevice($deviceId: ID!) {\n    syncEmployeesFromDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SyncEmployeesFromDevice($deviceId: ID!) {\n    syncEmployeesFromDevice(deviceId: $deviceId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DownloadAttendance($deviceId: ID!, $input: DownloadAttendanceInput) {\n    downloadAttendance(deviceId: $deviceId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DownloadAttendance($deviceId: ID!, $input: DownloadAttendanceInput) {\n    downloadAttendance(deviceId: $deviceId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetAttendance($first: Int!, $after: String, $filter: AttendanceFilter) {\n    attendanceEvents(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          occurredAt\n          deviceUserId\n          verifyMethod\n          punchState\n          employee {\n            id\n            name\n            employeeNumber\n          }\n          device {\n            id\n            name\n            timezone\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetAttendance($first: Int!, $after: String, $filter: AttendanceFilter) {\n    attendanceEvents(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          occurredAt\n          deviceUserId\n          verifyMethod\n          punchState\n          employee {\n            id\n            name\n            employeeNumber\n          }\n          device {\n            id\n            name\n            timezone\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetDevices {\n    devices {\n      id\n      name\n      address\n      port\n      timezone\n      location\n      enabled\n      serialNumber\n      lastSyncAt\n      lastSyncType\n      lastSyncStatus\n      lastSyncMessage\n      lastSyncTask {\n        id\n      }\n      openTasks {\n        id\n        type\n        status\n        progress {\n          current\n          total\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetDevices {\n    devices {\n      id\n      name\n      address\n      port\n      timezone\n      location\n      enabled\n      serialNumber\n      lastSyncAt\n      lastSyncType\n      lastSyncStatus\n      lastSyncMessage\n      lastSyncTask {\n        id\n      }\n      openTasks {\n        id\n        type\n        status\n        progress {\n          current\n          total\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnDeviceTaskUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription OnDeviceTaskUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetEmployees($first: Int!, $after: String, $filter: EmployeeFilter) {\n    employees(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          employeeNumber\n          name\n          cardNumber\n          privilege\n          department\n          active\n          deviceUid\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    employeeDepartments\n  }\n"): (typeof documents)["\n  query GetEmployees($first: Int!, $after: String, $filter: EmployeeFilter) {\n    employees(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          employeeNumber\n          name\n          cardNumber\n          privilege\n          department\n          active\n          deviceUid\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n    employeeDepartments\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCandidateExport {\n    candidateExport {\n      target\n      updatedAt\n      rowCount\n      downloadUrl\n    }\n  }\n"): (typeof documents)["\n  query GetCandidateExport {\n    candidateExport {\n      target\n      updatedAt\n      rowCount\n      downloadUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetExportSchedules {\n    schedules {\n      id\n      version\n      name\n      taskType\n      description\n      paused\n      nextFires(count: 1)\n      lastFire {\n        at\n        skippedReason\n        task {\n          id\n          status\n          version\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetExportSchedules {\n    schedules {\n      id\n      version\n      name\n      taskType\n      description\n      paused\n      nextFires(count: 1)\n      lastFire {\n        at\n        skippedReason\n        task {\n          id\n          status\n          version\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnSyncTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n      error\n      progress {\n        percent\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OnSyncTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n      error\n      progress {\n        percent\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncCandidateExport($scheduleId: ID!) {\n    triggerSchedule(id: $scheduleId) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SyncCandidateExport($scheduleId: ID!) {\n    triggerSchedule(id: $scheduleId) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      ...InterviewRow\n    }\n  }\n"): (typeof documents)["\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      ...InterviewRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetInterviewPostings($first: Int!) {\n    jobPostings(first: $first) {\n      edges {\n        node {\n          id\n          title\n          candidateCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetInterviewPostings($first: Int!) {\n    jobPostings(first: $first) {\n      edges {\n        node {\n          id\n          title\n          candidateCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetInterviewCandidates($id: ID!, $first: Int!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: $first) {\n        edges {\n          node {\n            id\n            name\n            email\n          }\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetInterviewCandidates($id: ID!, $first: Int!) {\n    jobPosting(id: $id) {\n      id\n      candidates(first: $first) {\n        edges {\n          node {\n            id\n            name\n            email\n          }\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetInterviews($from: DateTime, $to: DateTime) {\n    interviews(from: $from, to: $to) {\n      ...InterviewRow\n    }\n  }\n"): (typeof documents)["\n  query GetInterviews($from: DateTime, $to: DateTime) {\n    interviews(from: $from, to: $to) {\n      ...InterviewRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InterviewRow on Interview {\n    id\n    startsAt\n    interviewerEmails\n    location\n    link\n    cancelledAt\n    reminder24hSentAt\n    reminder1hSentAt\n    candidate {\n      id\n      name\n      email\n    }\n    jobPosting {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment InterviewRow on Interview {\n    id\n    startsAt\n    interviewerEmails\n    location\n    link\n    cancelledAt\n    reminder24hSentAt\n    reminder1hSentAt\n    candidate {\n      id\n      name\n      email\n    }\n    jobPosting {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewRow\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInterview($id: ID!, $input: UpdateInterviewInput!) {\n    updateInterview(id: $id, input: $input) {\n      ...InterviewRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateInterview($id: ID!, $input: UpdateInterviewInput!) {\n    updateInterview(id: $id, input: $input) {\n      ...InterviewRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCandidates($jobPostingId: ID!, $candidates: [CandidateInput!]!) {\n    addCandidates(jobPostingId: $jobPostingId, candidates: $candidates) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation AddCandidates($jobPostingId: ID!, $candidates: [CandidateInput!]!) {\n    addCandidates(jobPostingId: $jobPostingId, candidates: $candidates) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDemoData {\n    createDemoData {\n      id\n      title\n      candidateCount\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDemoData {\n    createDemoData {\n      id\n      title\n      candidateCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJobPosting($input: CreateJobPostingInput!) {\n    createJobPosting(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJobPosting($input: CreateJobPostingInput!) {\n    createJobPosting(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetJobPosting($id: ID!, $first: Int!, $after: String) {\n    jobPosting(id: $id) {\n      id\n      title\n      description\n      requiredSkills\n      niceToHaveSkills\n      candidateCount\n      createdAt\n      latestRanking {\n        id\n        status\n        version\n        finishedAt\n      }\n      candidates(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            email\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetJobPosting($id: ID!, $first: Int!, $after: String) {\n    jobPosting(id: $id) {\n      id\n      title\n      description\n      requiredSkills\n      niceToHaveSkills\n      candidateCount\n      createdAt\n      latestRanking {\n        id\n        status\n        version\n        finishedAt\n      }\n      candidates(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            email\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetJobPostings($first: Int!, $after: String) {\n    jobPostings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          requiredSkills\n          candidateCount\n          createdAt\n          latestRanking {\n            id\n            status\n            version\n            finishedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetJobPostings($first: Int!, $after: String) {\n    jobPostings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          requiredSkills\n          candidateCount\n          createdAt\n          latestRanking {\n            id\n            status\n            version\n            finishedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RankCandidates($jobPostingId: ID!) {\n    rankCandidates(jobPostingId: $jobPostingId) {\n      id\n      type\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RankCandidates($jobPostingId: ID!) {\n    rankCandidates(jobPostingId: $jobPostingId) {\n      id\n      type\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks {\n    tasks(first: 15) {\n      edges {\n        node {\n          ...TaskListItem\n          error\n          createdBy {\n            id\n          }\n          queuePlace {\n            position\n            estimatedStartAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks {\n    tasks(first: 15) {\n      edges {\n        node {\n          ...TaskListItem\n          error\n          createdBy {\n            id\n          }\n          queuePlace {\n            position\n            estimatedStartAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnOperationsUpdated {\n    operationsUpdated {\n      generatedAt\n      waiting\n      running\n      queueDepth {\n        taskType\n        queue\n        pending\n        retrying\n        running\n        paused\n      }\n      queues {\n        queue\n        waiting\n        running\n        paused\n      }\n      runningTasks {\n        taskId\n        taskType\n        startedAt\n        workerPoolId\n        percent\n      }\n      lastHour {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      lastDay {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      durations {\n        taskType\n        count\n        avgMs\n        p95Ms\n      }\n      schedulesDueNext {\n        at\n        schedule {\n          id\n          name\n          taskType\n        }\n      }\n      recentFailures {\n        taskId\n        taskType\n        error\n        attempts\n        finishedAt\n      }\n      paused {\n        kind\n        name\n        pausedAt\n      }\n      workerPools {\n        id\n        host\n        pid\n        version\n        concurrency\n        running\n        load\n        state\n        heartbeatAt\n        heartbeatAgeSeconds\n        taskTypes\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OnOperationsUpdated {\n    operationsUpdated {\n      generatedAt\n      waiting\n      running\n      queueDepth {\n        taskType\n        queue\n        pending\n        retrying\n        running\n        paused\n      }\n      queues {\n        queue\n        waiting\n        running\n        paused\n      }\n      runningTasks {\n        taskId\n        taskType\n        startedAt\n        workerPoolId\n        percent\n      }\n      lastHour {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      lastDay {\n        bucketSeconds\n        completed\n        failed\n        cancelled\n        failureRate\n        buckets {\n          start\n          completed\n          failed\n          cancelled\n        }\n      }\n      durations {\n        taskType\n        count\n        avgMs\n        p95Ms\n      }\n      schedulesDueNext {\n        at\n        schedule {\n          id\n          name\n          taskType\n        }\n      }\n      recentFailures {\n        taskId\n        taskType\n        error\n        attempts\n        finishedAt\n      }\n      paused {\n        kind\n        name\n        pausedAt\n      }\n      workerPools {\n        id\n        host\n        pid\n        version\n        concurrency\n        running\n        load\n        state\n        heartbeatAt\n        heartbeatAgeSeconds\n        taskTypes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseQueue($queue: String!) {\n    pauseQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation PauseQueue($queue: String!) {\n    pauseQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseTaskType($taskType: String!) {\n    pauseTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation PauseTaskType($taskType: String!) {\n    pauseTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeQueue($queue: String!) {\n    resumeQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeQueue($queue: String!) {\n    resumeQueue(queue: $queue) {\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeTaskType($taskType: String!) {\n    resumeTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeTaskType($taskType: String!) {\n    resumeTaskType(taskType: $taskType) {\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetOutbox($first: Int!, $after: String, $status: OutboxStatus) {\n    outbox(first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          template\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          html\n          text\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetOutbox($first: Int!, $after: String, $status: OutboxStatus) {\n    outbox(first: $first, after: $after, status: $status) {\n      edges {\n        cursor\n        node {\n          id\n          to\n          subject\n          template\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          html\n          text\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReport($id: ID!) {\n    report(id: $id) {\n      id\n      kind\n      periodStart\n      periodEnd\n      emailedAt\n      createdAt\n      updatedAt\n      data\n    }\n  }\n"): (typeof documents)["\n  query GetReport($id: ID!) {\n    report(id: $id) {\n      id\n      kind\n      periodStart\n      periodEnd\n      emailedAt\n      createdAt\n      updatedAt\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReports($first: Int!, $after: String) {\n    reports(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          periodStart\n          periodEnd\n          emailedAt\n          updatedAt\n          data\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetReports($first: Int!, $after: String) {\n    reports(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          periodStart\n          periodEnd\n          emailedAt\n          updatedAt\n          data\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiSettings {\n    aiSettings {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n"): (typeof documents)["\n  query AiSettings {\n    aiSettings {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAiSettings($input: AiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAiSettings($input: AiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      inlineThreshold\n      maxFilesPerUpload\n      defaultModel\n      taskConcurrency\n      rerankTopN\n      llmConfigured\n      updatedAt\n      prices {\n        model\n        inputPerMillion\n        outputPerMillion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credits($userId: ID) {\n    credits(userId: $userId) {\n      userId\n      balance\n      held\n      available\n    }\n    creditLedger(userId: $userId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          amount\n          held\n          taskId\n          note\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Credits($userId: ID) {\n    credits(userId: $userId) {\n      userId\n      balance\n      held\n      available\n    }\n    creditLedger(userId: $userId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          amount\n          held\n          taskId\n          note\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopUpCredits($userId: ID!, $amount: Int!, $note: String) {\n    topUpCredits(userId: $userId, amount: $amount, note: $note) {\n      userId\n      balance\n      held\n      available\n    }\n  }\n"): (typeof documents)["\n  mutation TopUpCredits($userId: ID!, $amount: Int!, $note: String) {\n    topUpCredits(userId: $userId, amount: $amount, note: $note) {\n      userId\n      balance\n      held\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResumeAnalyses($jobPostingId: ID!, $taskId: ID) {\n    resumeAnalyses(jobPostingId: $jobPostingId, taskId: $taskId) {\n      id\n      candidateId\n      mode\n      engine\n      model\n      fitScore\n      matchedRequirements\n      missingRequirements\n      strengths\n      concerns\n      assessment\n      interviewQuestions\n      promptTokens\n      completionTokens\n      estimatedCostUsd\n      profile {\n        skills\n        yearsOfExperience\n        education\n        recentRoles {\n          title\n          company\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResumeAnalyses($jobPostingId: ID!, $taskId: ID) {\n    resumeAnalyses(jobPostingId: $jobPostingId, taskId: $taskId) {\n      id\n      candidateId\n      mode\n      engine\n      model\n      fitScore\n      matchedRequirements\n      missingRequirements\n      strengths\n      concerns\n      assessment\n      interviewQuestions\n      promptTokens\n      completionTokens\n      estimatedCostUsd\n      profile {\n        skills\n        yearsOfExperience\n        education\n        recentRoles {\n          title\n          company\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnalyzeResumes($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {\n    analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) {\n      id\n      type\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation AnalyzeResumes($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {\n    analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) {\n      id\n      type\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      ...ScheduleRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSchedule($id: ID!) {\n    deleteSchedule(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetScheduleTaskTypes {\n    taskTypes {\n      name\n      title\n    }\n  }\n"): (typeof documents)["\n  query GetScheduleTaskTypes {\n    taskTypes {\n      name\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSchedulerOverview($nextFires: Int!) {\n    schedulerOverview(nextFires: $nextFires) {\n      schedules\n      active\n      running\n      paused\n      lastTickAt\n      workerPoolsAlive\n      nextFires {\n        at\n        schedule {\n          id\n          name\n          timezone\n        }\n      }\n      last24h {\n        fires\n        completed\n        failed\n        cancelled\n        inProgress\n        skipped\n        successRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetSchedulerOverview($nextFires: Int!) {\n    schedulerOverview(nextFires: $nextFires) {\n      schedules\n      active\n      running\n      paused\n      lastTickAt\n      workerPoolsAlive\n      nextFires {\n        at\n        schedule {\n          id\n          name\n          timezone\n        }\n      }\n      last24h {\n        fires\n        completed\n        failed\n        cancelled\n        inProgress\n        skipped\n        successRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSchedules {\n    schedules {\n      ...ScheduleRow\n    }\n  }\n"): (typeof documents)["\n  query GetSchedules {\n    schedules {\n      ...ScheduleRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnScheduleTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription OnScheduleTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnScheduleUpdated {\n    scheduleUpdated {\n      id\n      version\n      deleted\n      schedule {\n        ...ScheduleRow\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OnScheduleUpdated {\n    scheduleUpdated {\n      id\n      version\n      deleted\n      schedule {\n        ...ScheduleRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseSchedule($id: ID!) {\n    pauseSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n"): (typeof documents)["\n  mutation PauseSchedule($id: ID!) {\n    pauseSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewSchedule($cron: String, $intervalSeconds: Int, $timezone: String!, $count: Int!) {\n    previewSchedule(cron: $cron, intervalSeconds: $intervalSeconds, timezone: $timezone, count: $count) {\n      description\n      nextFires\n    }\n  }\n"): (typeof documents)["\n  query PreviewSchedule($cron: String, $intervalSeconds: Int, $timezone: String!, $count: Int!) {\n    previewSchedule(cron: $cron, intervalSeconds: $intervalSeconds, timezone: $timezone, count: $count) {\n      description\n      nextFires\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeSchedule($id: ID!) {\n    resumeSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeSchedule($id: ID!) {\n    resumeSchedule(id: $id) {\n      ...ScheduleRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScheduleRow on Schedule {\n    id\n    version\n    name\n    taskType\n    payload\n    cron\n    intervalSeconds\n    timezone\n    description\n    status\n    paused\n    overlapPolicy\n    catchUpPolicy\n    catchUpCap\n    nextFires(count: 3)\n    lastFire {\n      at\n      skippedReason\n      task {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ScheduleRow on Schedule {\n    id\n    version\n    name\n    taskType\n    payload\n    cron\n    intervalSeconds\n    timezone\n    description\n    status\n    paused\n    overlapPolicy\n    catchUpPolicy\n    catchUpCap\n    nextFires(count: 3)\n    lastFire {\n      at\n      skippedReason\n      task {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriggerSchedule($id: ID!, $force: Boolean!) {\n    triggerSchedule(id: $id, force: $force) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation TriggerSchedule($id: ID!, $force: Boolean!) {\n    triggerSchedule(id: $id, force: $force) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {\n    updateSchedule(id: $id, input: $input) {\n      ...ScheduleRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTask($id: ID!) {\n    cancelTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n"): (typeof documents)["\n  mutation CancelTask($id: ID!) {\n    cancelTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTaskTypes {\n    taskTypes {\n      name\n      title\n      maxAttempts\n      timeLimitSeconds\n    }\n  }\n"): (typeof documents)["\n  query GetTaskTypes {\n    taskTypes {\n      name\n      title\n      maxAttempts\n      timeLimitSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTasks($first: Int!, $after: String, $filter: TaskFilter) {\n    tasks(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...TaskListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query GetTasks($first: Int!, $after: String, $filter: TaskFilter) {\n    tasks(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...TaskListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      ...TaskDetail\n    }\n  }\n"): (typeof documents)["\n  subscription OnTaskUpdated($id: ID!) {\n    taskUpdated(id: $id) {\n      ...TaskDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnTasksUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      ...TaskListItem\n    }\n  }\n"): (typeof documents)["\n  subscription OnTasksUpdated($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      ...TaskListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryTask($id: ID!) {\n    retryTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n"): (typeof documents)["\n  mutation RetryTask($id: ID!) {\n    retryTask(id: $id) {\n      ...TaskListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskListItem on Task {\n    id\n    type\n    status\n    version\n    progress {\n      current\n      total\n      percent\n      message\n    }\n    successCount\n    failureCount\n    attempts\n    maxAttempts\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment TaskListItem on Task {\n    id\n    type\n    status\n    version\n    progress {\n      current\n      total\n      percent\n      message\n    }\n    successCount\n    failureCount\n    attempts\n    maxAttempts\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskDetail on Task {\n    ...TaskListItem\n    error\n    result\n    payload\n    runAt\n    errors(first: 100) {\n      itemKey\n      itemLabel\n      message\n      attempt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment TaskDetail on Task {\n    ...TaskListItem\n    error\n    result\n    payload\n    runAt\n    errors(first: 100) {\n      itemKey\n      itemLabel\n      message\n      attempt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      secretLast4\n      enabled\n      createdAt\n      deliveries(first: 25) {\n        id\n        event\n        status\n        attempts\n        lastStatus\n        lastError\n        taskId\n        createdAt\n        finishedAt\n        attemptLog {\n          attempt\n          at\n          responseStatus\n          error\n          durationMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      secretLast4\n      enabled\n      createdAt\n      deliveries(first: 25) {\n        id\n        event\n        status\n        attempts\n        lastStatus\n        lastError\n        taskId\n        createdAt\n        finishedAt\n        attemptLog {\n          attempt\n          at\n          responseStatus\n          error\n          durationMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      enabled\n      events\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      enabled\n      events\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      taskId\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      taskId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OnTasksChanged($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription OnTasksChanged($filter: TaskFilter) {\n    tasksUpdated(filter: $filter) {\n      id\n      status\n      version\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;