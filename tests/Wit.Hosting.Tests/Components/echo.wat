;; A component for the Wasmtime adapter's end-to-end tests, in the component text format. Its world:
;;
;;   package example:echo;
;;   interface host {
;;     add: func(a: u32, b: u32) -> u32;
;;     shout: func(s: string) -> string;
;;     fail: func();
;;   }
;;   world echo {
;;     import host;
;;     import seed: func() -> s64;
;;     export run: func(x: u32) -> u32;            // add(x, 1) * 2
;;     export echo: func(s: string) -> string;     // shout(s)
;;     export mix: func(a: s8, b: u16, c: f32, d: f64, e: bool, f: char) -> f64;   // a + b + c + d + e + f + seed()
;;     export boom: func();                        // traps (unreachable)
;;     export call-fail: func();                   // calls the host's fail
;;   }
(component
  (import "example:echo/host" (instance $host
    (export "add" (func (param "a" u32) (param "b" u32) (result u32)))
    (export "shout" (func (param "s" string) (result string)))
    (export "fail" (func))))
  (import "seed" (func $seed (result s64)))

  ;; Memory and a bump allocator, instantiated first so that lowering and lifting can name them.
  (core module $Memory
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $start i32)
      (local.set $start
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      ;; Nothing is freed: wrap around to the start when the page is full (a call holds two small strings at most).
      (if (i32.gt_u (i32.add (local.get $start) (local.get 3)) (i32.const 65536))
        (then (local.set $start (i32.const 1024))))
      (global.set $next (i32.add (local.get $start) (local.get 3)))
      (local.get $start)))
  (core instance $memory (instantiate $Memory))

  (core module $Main
    (import "host" "add" (func $add (param i32 i32) (result i32)))
    (import "host" "shout" (func $shout (param i32 i32 i32)))
    (import "host" "fail" (func $fail))
    (import "host" "seed" (func $seed (result i64)))
    (import "memory" "memory" (memory 1))
    (func (export "run") (param i32) (result i32)
      (i32.mul (call $add (local.get 0) (i32.const 1)) (i32.const 2)))
    (func (export "echo") (param i32 i32) (result i32)
      (call $shout (local.get 0) (local.get 1) (i32.const 16))
      (i32.const 16))
    (func (export "mix") (param i32 i32 f32 f64 i32 i32) (result f64)
      (f64.add
        (f64.add
          (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i32_u (local.get 1)))
          (f64.add (f64.promote_f32 (local.get 2)) (local.get 3)))
        (f64.add
          (f64.convert_i32_u (i32.add (local.get 4) (local.get 5)))
          (f64.convert_i64_s (call $seed)))))
    (func (export "boom") unreachable)
    (func (export "call-fail") (call $fail)))

  (alias export $host "add" (func $add))
  (alias export $host "shout" (func $shout))
  (alias export $host "fail" (func $fail))
  (core func $add-lowered (canon lower (func $add)))
  (core func $shout-lowered (canon lower (func $shout) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core func $fail-lowered (canon lower (func $fail)))
  (core func $seed-lowered (canon lower (func $seed)))
  (core instance $imports
    (export "add" (func $add-lowered))
    (export "shout" (func $shout-lowered))
    (export "fail" (func $fail-lowered))
    (export "seed" (func $seed-lowered)))
  (core instance $main (instantiate $Main (with "host" (instance $imports)) (with "memory" (instance $memory))))

  (func (export "run") (param "x" u32) (result u32) (canon lift (core func $main "run")))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $main "echo") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (func (export "mix") (param "a" s8) (param "b" u16) (param "c" f32) (param "d" f64) (param "e" bool) (param "f" char) (result f64)
    (canon lift (core func $main "mix")))
  (func (export "boom") (canon lift (core func $main "boom")))
  (func (export "call-fail") (canon lift (core func $main "call-fail"))))
