<?php

/**
 * @generate-class-entries
 * @undocumentable
 * @generate-legacy-arginfo 80200
 */

/** @refcount 1 */
function localAPI(string $command, mixed $postData = [], string|int|null $adminUsername = ''): array {}

function add_hook(string $hookPoint, int $priority, callable $callback): void {}

/**
 * Writes one tblactivitylog row, as WHMCS's logActivity() does, and fires
 * the LogActivity hook.
 */
function logActivity(string $description, int $userId = 0): void {}
