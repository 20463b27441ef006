;; The guest of samples/csharp-host: a component of world example:notes/app@0.1.0 (wit/notes.wit), written in the
;; component text format (it is its own source: the host reads it with Component.FromText, nothing to rebuild).
;; It files notes in a notebook the host implements, asks the host for the urgent ones and for one by id, and logs
;; through the host. Results that do not fit one core value go through return areas at addresses 8 and 32; strings
;; and lists the host passes in go through a bump allocator from 1024 that wraps around at the end of the page.
(component
  (import "example:notes/store@0.1.0" (instance $store
    (type $d-tags (flags "urgent" "personal" "work"))
    (export "tags" (type $tags (eq $d-tags)))
    (type $d-note (record (field "id" u32) (field "title" string) (field "body" string) (field "tags" $tags)))
    (export "note" (type $note (eq $d-note)))
    (type $d-query (variant (case "by-id" u32) (case "by-tag" $tags) (case "all")))
    (export "query" (type $query (eq $d-query)))
    (type $d-order (enum "newest" "oldest"))
    (export "order" (type $order (eq $d-order)))
    (export "notebook" (type $notebook (sub resource)))
    (export "[constructor]notebook" (func (param "name" string) (result (own $notebook))))
    (export "[method]notebook.add" (func (param "self" (borrow $notebook)) (param "title" string) (param "body" string) (param "tags" $tags) (result u32)))
    (export "[method]notebook.find" (func (param "self" (borrow $notebook)) (param "q" $query) (param "o" $order) (result (list $note))))
    (export "[method]notebook.get" (func (param "self" (borrow $notebook)) (param "id" u32) (result (option $note))))))
  (import "example:notes/log@0.1.0" (instance $log
    (export "log" (func (param "line" string)))))
  (alias export $store "notebook" (type $notebook))
  (alias export $store "note" (type $note))

  (core module $Memory
    (memory (export "memory") 1)
    (data (i32.const 256) "inbox")
    (data (i32.const 264) "empty")
    (data (i32.const 272) "summarized")
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $start i32)
      (local.set $start
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      (if (i32.gt_u (i32.add (local.get $start) (local.get 3)) (i32.const 65536))
        (then (local.set $start (i32.const 1024))))
      (global.set $next (i32.add (local.get $start) (local.get 3)))
      (local.get $start)))
  (core instance $memory (instantiate $Memory))

  (core module $Main
    (import "store" "new" (func $new (param i32 i32) (result i32)))
    (import "store" "add" (func $add (param i32 i32 i32 i32 i32 i32) (result i32)))
    (import "store" "find" (func $find (param i32 i32 i32 i32 i32)))
    (import "store" "get" (func $get (param i32 i32 i32)))
    (import "store" "drop" (func $drop (param i32)))
    (import "log" "log" (func $log (param i32 i32)))
    (import "memory" "memory" (memory 1))
    ;; The notebook's handle; 0 is no handle.
    (global $book (mut i32) (i32.const 0))
    ;; summarize(notes: list<tuple<string, string>>) -> result<u32, string>
    (func (export "summarize") (param $notes i32) (param $count i32) (result i32)
      (local $i i32) (local $note i32)
      (if (i32.eqz (local.get $count))
        (then
          (i32.store8 (i32.const 8) (i32.const 1))
          (i32.store (i32.const 12) (i32.const 264))
          (i32.store (i32.const 16) (i32.const 5))
          (return (i32.const 8))))
      (if (global.get $book) (then (call $drop (global.get $book))))
      (global.set $book (call $new (i32.const 256) (i32.const 5)))
      (loop $next
        (local.set $note (i32.add (local.get $notes) (i32.mul (local.get $i) (i32.const 16))))
        (drop (call $add (global.get $book)
          (i32.load (local.get $note)) (i32.load offset=4 (local.get $note))
          (i32.load offset=8 (local.get $note)) (i32.load offset=12 (local.get $note))
          ;; tags: urgent for the first note, work for the others
          (select (i32.const 1) (i32.const 4) (i32.eqz (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $i) (local.get $count))))
      (call $log (i32.const 272) (i32.const 10))
      (i32.store8 (i32.const 8) (i32.const 0))
      (i32.store (i32.const 12) (local.get $count))
      (i32.const 8))
    ;; urgent() -> list<note>: find(by-tag(urgent), newest)
    (func (export "urgent") (result i32)
      (call $find (global.get $book) (i32.const 1) (i32.const 1) (i32.const 0) (i32.const 32))
      (i32.const 32))
    ;; lookup(id) -> option<note>
    (func (export "lookup") (param $id i32) (result i32)
      (call $get (global.get $book) (local.get $id) (i32.const 32))
      (i32.const 32))
    ;; close(): drops the notebook, which the host disposes
    (func (export "close")
      (call $drop (global.get $book))
      (global.set $book (i32.const 0))))

  (alias export $store "[constructor]notebook" (func $new))
  (alias export $store "[method]notebook.add" (func $add))
  (alias export $store "[method]notebook.find" (func $find))
  (alias export $store "[method]notebook.get" (func $get))
  (alias export $log "log" (func $log))
  (core func $new-lowered (canon lower (func $new) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core func $add-lowered (canon lower (func $add) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core func $find-lowered (canon lower (func $find) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core func $get-lowered (canon lower (func $get) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core func $drop (canon resource.drop $notebook))
  (core func $log-lowered (canon lower (func $log) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core instance $store-imports
    (export "new" (func $new-lowered))
    (export "add" (func $add-lowered))
    (export "find" (func $find-lowered))
    (export "get" (func $get-lowered))
    (export "drop" (func $drop)))
  (core instance $log-imports (export "log" (func $log-lowered)))
  (core instance $main (instantiate $Main
    (with "store" (instance $store-imports))
    (with "log" (instance $log-imports))
    (with "memory" (instance $memory))))

  (func (export "summarize") (param "notes" (list (tuple string string))) (result (result u32 (error string)))
    (canon lift (core func $main "summarize") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (func (export "urgent") (result (list $note))
    (canon lift (core func $main "urgent") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (func (export "lookup") (param "id" u32) (result (option $note))
    (canon lift (core func $main "lookup") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (func (export "close") (canon lift (core func $main "close"))))
