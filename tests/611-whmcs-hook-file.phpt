--TEST--
Hook files as WHMCS writes them work unchanged: examples/hooks/contact_notify.php, copied byte for byte, and a legacy-style file, loaded through localapi.hooks_dir (behaviour §5, §7 "Drop-in guard")
--DESCRIPTION--
The README's sample hook file examples/hooks/contact_notify.php is copied
unchanged (same bytes) into a temporary folder together with
tests/hooks/whmcs-style/legacy_hooks.php (a named-function callback given by
name, a namespace import, hook points localapi never fires). The folder is
localapi.hooks_dir; one AddContact must print exactly the sample's line, the
legacy ContactAdd line and the LogActivity line, and nothing else.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_file(dirname(__DIR__) . '/examples/hooks/contact_notify.php')) die('skip examples/hooks/contact_notify.php missing');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$dir = la_tmp_dir();
$sample = dirname(__DIR__) . '/examples/hooks/contact_notify.php';
copy($sample, "$dir/contact_notify.php");
copy(la_hooks_fixture('whmcs-style/legacy_hooks.php'), "$dir/legacy_hooks.php");
la_is(1, sha1_file("$dir/contact_notify.php"), sha1_file($sample));
ini_set('localapi.hooks_dir', $dir);

$cid = la_make_client();
$email = la_unique_email();
la_errors_start();
ob_start();
$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Jane', 'email' => $email]);
$printed = ob_get_clean();
echo '2: ', la_show($answer), "\n";
$contactid = $answer['contactid'] ?? '?';
la_is(3, $printed,
	"ContactAdd hook: contact $contactid added to client $cid ($email)" . PHP_EOL
	. "legacy ContactAdd: contact $contactid of client $cid\n"
	. "LogActivity: Added Contact - User ID: $cid - Contact ID: $contactid by Local API User\n");
la_is(4, la_errors_take(), []);
la_tmp_dir_remove();
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
la_tmp_dir_remove();
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: ok
