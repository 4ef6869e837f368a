--TEST--
add_hook(): the stub signature, PHP's own parameter checks, every kind of callable, registrations kept for the whole request (behaviour §5)
--DESCRIPTION--
add_hook(string $hookPoint, int $priority, callable $callback): void, as
ReflectionFunction sees it. A non-callable callback, a non-int priority and a
missing argument are refused by PHP's own parameter parsing (TypeError,
ArgumentCountError) and register nothing. Every form of callable PHP accepts
works: closure, function name, "Class::method", [class, method],
[object, method], invokable object, first-class callable. A registration made
once fires for every later localAPI() call of the same request.
(That it is gone in the next request is test 614.)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$fn = new ReflectionFunction('add_hook');
la_is(1, [$fn->isInternal(), $fn->getExtensionName(), $fn->getNumberOfParameters(), $fn->getNumberOfRequiredParameters()],
	[true, 'localapi', 3, 3]);
$params = array_map(fn (ReflectionParameter $p) => [
	$p->getName(), (string) $p->getType(), $p->allowsNull(), $p->isOptional(), $p->isPassedByReference(), $p->isVariadic(),
], $fn->getParameters());
la_is(2, $params, [
	['hookPoint', 'string', false, false, false, false],
	['priority', 'int', false, false, false, false],
	['callback', 'callable', false, false, false, false],
]);
la_is(3, [(string) $fn->getReturnType(), $fn->returnsReference()], ['void', false]);

/* PHP's own checks: each must throw, none may register anything */
class LaPrivate
{
	private function hidden(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'private';
	}
}
$refused = [
	fn () => add_hook('ContactAdd', 1, 'la_no_such_function_600'),
	fn () => add_hook('ContactAdd', 1, 42),
	fn () => add_hook('ContactAdd', 1, null),
	fn () => add_hook('ContactAdd', 1, [new stdClass(), 'nope']),
	fn () => add_hook('ContactAdd', 1, [new LaPrivate(), 'hidden']),
	fn () => add_hook('ContactAdd', 1, 'LaNoSuchClass600::method'),
	fn () => add_hook('ContactAdd', 'high', 'strlen'),
	fn () => add_hook('ContactAdd', 1),
	fn () => add_hook(['ContactAdd'], 1, 'strlen'),
];
$thrown = [];
foreach ($refused as $i => $call) {
	try {
		$call();
		$thrown[$i] = 'nothing';
	} catch (Throwable $e) {
		$thrown[$i] = get_class($e) . (str_starts_with($e->getMessage(), 'add_hook(): Argument #') || $e instanceof ArgumentCountError ? '' : ': ' . $e->getMessage());
	}
}
la_is(4, $thrown, ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError',
	'ArgumentCountError', 'TypeError']);

/* every kind of callable */
$GLOBALS['la_fired'] = [];
function la_hook_function_600(array $vars): void
{
	$GLOBALS['la_fired'][] = 'function';
}
class LaHooks600
{
	public static function onStatic(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'static-string';
	}
	public static function onStaticArray(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'static-array';
	}
	public function onMethod(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'method';
	}
	public function onFirstClass(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'first-class';
	}
	public function __invoke(array $vars): void
	{
		$GLOBALS['la_fired'][] = 'invokable';
	}
}
$object = new LaHooks600();
$returned = [];
$returned[] = add_hook('ContactAdd', 1, function (array $vars) {
	$GLOBALS['la_fired'][] = 'closure';
});
$returned[] = add_hook('ContactAdd', 2, 'la_hook_function_600');
$returned[] = add_hook('ContactAdd', 3, 'LaHooks600::onStatic');
$returned[] = add_hook('ContactAdd', 4, ['LaHooks600', 'onStaticArray']);
$returned[] = add_hook('ContactAdd', 5, [$object, 'onMethod']);
$returned[] = add_hook('ContactAdd', 6, $object);
$returned[] = add_hook('ContactAdd', 7, $object->onFirstClass(...));
$returned[] = add_hook('ContactAdd', 8, fn (array $vars) => $GLOBALS['la_fired'][] = 'arrow');
la_is(5, $returned, array_fill(0, 8, null));

$cid = la_make_client();
la_call(6, 'AddContact', ['clientid' => $cid]);
$all = ['closure', 'function', 'static-string', 'static-array', 'method', 'invokable', 'first-class', 'arrow'];
la_is(7, $GLOBALS['la_fired'], $all);

/* the registrations stay for the rest of the request: every later call fires them again, once */
$GLOBALS['la_fired'] = [];
la_call(8, 'AddContact', ['clientid' => $cid]);
la_call(9, 'AddContact', ['clientid' => $cid]);
la_is(10, $GLOBALS['la_fired'], array_merge($all, $all));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: success
7: ok
8: success
9: success
10: ok
