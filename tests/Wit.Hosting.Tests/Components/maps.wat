;; The component of maps.wit's world `maps`, in the component text format (Wasmtime 50 compiles it only with the
;; component model's map feature on): `run` passes its map to the host's `invert` and returns the result.
(component
  (import "invert" (func $invert (param "m" (map string u32)) (result (map u32 string))))
  (core module $Memory
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $at i32)
      (local.set $at (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
      (global.set $next (i32.add (local.get $at) (local.get 3)))
      (local.get $at)))
  (core instance $memory (instantiate $Memory))
  (core func $invert-lowered (canon lower (func $invert) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core module $Main
    (import "host" "invert" (func $invert (param i32 i32 i32)))
    (func (export "run") (param i32 i32) (result i32)
      (call $invert (local.get 0) (local.get 1) (i32.const 8))
      (i32.const 8)))
  (core instance $main (instantiate $Main (with "host" (instance (export "invert" (func $invert-lowered))))))
  (func (export "run") (param "m" (map string u32)) (result (map u32 string))
    (canon lift (core func $main "run") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc")))))
