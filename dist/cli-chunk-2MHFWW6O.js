#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import { setFlagsFromString as __cgV8Flags } from 'node:v8'; if (Number(process.versions.node.split('.')[0]) <= 20) __cgV8Flags('--interrupt-budget=540672'); else __cgV8Flags('--semi-space-growth-factor=1');
import {
  __commonJS,
  __require,
  __toESM
} from "./cli-chunk-ZIKQTD42.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS2 = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS2;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS2:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS2;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path) {
      const ctrl = callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visit_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path) {
      const ctrl = await callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visitAsync_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key2, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path);
      return void 0;
    }
    function replaceNode(key2, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key2, ...rest] = path;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key2, ...rest] = path;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key2, ...rest] = path;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign2 = str[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign2 = str[0];
      const parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      "\u2028",
      "\u2029",
      " ",
      " ",
      "　",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse2;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid = (version, options) => {
      const v = parse2(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var clean = (version, options) => {
      const s = parse2(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse2(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare2 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare2;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var rcompare = (a, b, loose) => compare2(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var compareLoose = (a, b) => compare2(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var gt = (a, b, loose) => compare2(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var lt = (a, b, loose) => compare2(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var eq = (a, b, loose) => compare2(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var neq = (a, b, loose) => compare2(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var gte = (a, b, loose) => compare2(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare2 = require_compare();
    var lte = (a, b, loose) => compare2(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse2(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var constants3 = require_constants();
    var SemVer = require_semver();
    var truncate2 = (version, truncation, options) => {
      if (!constants3.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse2(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate2;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key2) {
        const value = this.map.get(key2);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key2);
          this.map.set(key2, value);
          return value;
        }
      }
      delete(key2) {
        return this.map.delete(key2);
      }
      set(key2, value) {
        const deleted = this.delete(key2);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key2, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX2 = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX2(M) && !isX2(m) || isX2(m) && p && !isX2(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX2(M)) {
          ret = "";
        } else if (isX2(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX2(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX2(M)) {
          ret = "";
        } else if (isX2(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX2(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX2(M);
        const xm = xM || isX2(m);
        const xp = xm || isX2(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX2(fM)) {
        from = "";
      } else if (isX2(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX2(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX2(tM)) {
        to = "";
      } else if (isX2(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX2(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare2 = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare2(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare2 = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare2(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare2(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare2(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants3 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse2 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare2 = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate2 = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse2,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare: compare2,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate: truncate2,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants3.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants3.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/core/runtime/interrupt.ts
import { constants } from "node:os";
var held = /* @__PURE__ */ new Set();
function hold(release) {
  held.add(release);
  return () => {
    held.delete(release);
  };
}
function releaseAll() {
  const releases = [...held];
  held.clear();
  for (const release of releases) {
    try {
      release();
    } catch {
    }
  }
}
function releaseOnSignals(notify) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      releaseAll();
      notify(signal);
      process.exit(128 + constants.signals[signal]);
    });
  }
}

// src/core/acceptances/finding-identity.ts
import { createHash } from "node:crypto";
function findingIdentity(finding) {
  const environments = finding.environments;
  return {
    rule: finding.rule,
    ...finding.chart !== void 0 ? { chart: finding.chart } : {},
    ...environments?.length ? { environments: [...environments].sort() } : {},
    ...finding.resource ? { resource: `${finding.resource.kind}/${finding.resource.name}` } : {},
    ...finding.path !== void 0 ? { key: finding.path } : {},
    ...finding.file !== void 0 ? { file: finding.file } : {}
  };
}
function findingFingerprint(finding) {
  const id = findingIdentity(finding);
  const parts = [
    id.rule,
    id.chart ?? "",
    (id.environments ?? []).join(","),
    id.resource ?? "",
    id.key ?? "",
    id.file ?? ""
  ];
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}

// src/core/report/report.ts
var SCHEMA_VERSION = 1;
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function allFindings(report) {
  return [...report.findings, ...report.charts.flatMap((c) => c.findings)];
}
function isPreexisting(finding) {
  return finding.introduced === false && !finding.accepted;
}
function counts(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    notices: findings.filter((f) => f.severity === "notice").length
  };
}
function summarise(report) {
  const all = allFindings(report);
  const open = all.filter((f) => !f.accepted);
  const accepted = all.length - open.length;
  const preexisting = open.filter(isPreexisting);
  return {
    ...counts(open.filter((f) => !isPreexisting(f))),
    needsReinstall: report.charts.some((c) => c.needsReinstall),
    ...accepted > 0 ? { accepted } : {},
    ...preexisting.length ? { preexisting: counts(preexisting) } : {}
  };
}
function verdictOf(summary, failOn, failOnExisting = false) {
  const old = failOnExisting ? summary.preexisting : void 0;
  const errors = summary.errors + (old?.errors ?? 0);
  const warnings = summary.warnings + (old?.warnings ?? 0);
  if (failOn === "error" && errors > 0) return "fail";
  if (failOn === "warning" && errors + warnings > 0) return "fail";
  if (errors + warnings > 0) return "warn";
  return "pass";
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule)
  );
}
function worstRenderStatus(statuses) {
  return statuses.find((s) => s.status === "failed") ?? statuses.find((s) => s.status === "skipped") ?? statuses[0];
}

// src/core/rules/acceptance-expired.ts
function entryText(entry) {
  const on = [
    entry.chart !== void 0 ? `in ${entry.chart}` : "",
    entry.key !== void 0 ? `key ${entry.key}` : "",
    entry.resource !== void 0 ? `resource ${entry.resource}` : "",
    entry.file !== void 0 ? `file ${entry.file}` : "",
    entry.environments ? `environments ${entry.environments.join(", ")}` : ""
  ].filter(Boolean);
  return [entry.rule, ...on].join(", ").replace(", in ", " in ");
}
var acceptanceExpired = {
  id: "acceptance-expired",
  scope: "repo",
  modes: ["review", "lint"],
  needs: { acceptances: true },
  severity: "warning",
  description: "an acceptance is past its expiry: it accepts nothing, so the findings it named count again",
  check({ acceptances }) {
    return (acceptances?.expired ?? []).map((entry) => ({
      message: `the acceptance of ${entryText(entry)} expired on ${entry.expires}: its findings count again`,
      file: entry.source.file,
      line: entry.source.line,
      remedy: "Fix the findings, or review the risk again and set a new expires date."
    }));
  },
  acceptable: false
};

// src/core/rules/acceptance-stale.ts
var acceptanceStale = {
  id: "acceptance-stale",
  scope: "repo",
  modes: ["review", "lint"],
  needs: { acceptances: true },
  severity: "notice",
  description: "an acceptance matches no finding: the problem it accepted is gone or renamed",
  check({ acceptances }) {
    return (acceptances?.stale ?? []).map((entry) => ({
      message: `the acceptance of ${entryText(entry)} matches no finding of this run`,
      file: entry.source.file,
      line: entry.source.line,
      remedy: "Remove the entry if the problem is fixed, or correct its selectors so it names the finding."
    }));
  },
  acceptable: false,
  // A part of the run (a shard, the review or the lint half) saw only its own charts: an acceptance is stale only
  // when no part has a finding it accepts.
  mergeShards(own, run) {
    const accepting = new Set(
      [...run.findings, ...run.charts.flatMap((chart) => chart.findings)].flatMap(
        (finding) => [finding.accepted, finding.awaitingApproval].flatMap((entry) => entry ? [`${entry.file}:${entry.line}`] : [])
      )
    );
    return own.filter((finding) => !accepting.has(`${finding.file}:${finding.line}`));
  },
  combineHalves(review, lint, key2) {
    const staleInLint = new Set(lint.map(key2));
    return review.filter((finding) => staleInLint.has(key2(finding)));
  }
};

// src/data/immutable-defaults.json
var immutable_defaults_default = {
  about: 'Values the API server fills in before it compares an update with the stored object (its defaulting functions run on the new object, and ran on the stored one when it was created), for the fields immutable-field-changed compares: src/core/rules/analysis/immutable-fields.ts applies them to both renders first, so an absent field and its default never differ. path: the field, "*" for every item of a list; default: the value filled in; emptyIsUnset: the Go code tests len(x) == 0, so an empty value ("" or []) is defaulted too, where a pointer field (nil test) keeps an explicit "" (which validation then refuses); function: the upstream defaulting function; source: its file.',
  entries: [
    {
      group: "apps",
      kind: "StatefulSet",
      path: ["spec", "podManagementPolicy"],
      default: "OrderedReady",
      emptyIsUnset: true,
      function: "SetDefaults_StatefulSet",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/v1/defaults.go"
    },
    {
      group: "apps",
      kind: "StatefulSet",
      path: ["spec", "volumeClaimTemplates", "*", "spec", "volumeMode"],
      default: "Filesystem",
      function: "SetDefaults_PersistentVolumeClaimSpec (run on each claim template by SetObjectDefaults_StatefulSet)",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go"
    },
    {
      group: "",
      kind: "PersistentVolumeClaim",
      path: ["spec", "volumeMode"],
      default: "Filesystem",
      function: "SetDefaults_PersistentVolumeClaimSpec",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go"
    },
    {
      group: "",
      kind: "PersistentVolume",
      path: ["spec", "volumeMode"],
      default: "Filesystem",
      function: "SetDefaults_PersistentVolume",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go"
    },
    {
      group: "",
      kind: "Service",
      path: ["spec", "type"],
      default: "ClusterIP",
      emptyIsUnset: true,
      function: "SetDefaults_Service",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go"
    },
    {
      group: "",
      kind: "Secret",
      path: ["type"],
      default: "Opaque",
      emptyIsUnset: true,
      function: "SetDefaults_Secret",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go"
    },
    {
      group: "batch",
      kind: "Job",
      path: ["spec", "completionMode"],
      default: "NonIndexed",
      function: "SetDefaults_Job",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/batch/v1/defaults.go"
    },
    {
      group: "storage.k8s.io",
      kind: "StorageClass",
      path: ["reclaimPolicy"],
      default: "Delete",
      function: "SetDefaults_StorageClass",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/v1/defaults.go"
    },
    {
      group: "storage.k8s.io",
      kind: "StorageClass",
      path: ["volumeBindingMode"],
      default: "Immediate",
      function: "SetDefaults_StorageClass",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/v1/defaults.go"
    },
    {
      group: "storage.k8s.io",
      kind: "CSIDriver",
      path: ["spec", "attachRequired"],
      default: true,
      function: "SetDefaults_CSIDriver",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/v1/defaults.go"
    },
    {
      group: "storage.k8s.io",
      kind: "CSIDriver",
      path: ["spec", "volumeLifecycleModes"],
      default: ["Persistent"],
      emptyIsUnset: true,
      function: "SetDefaults_CSIDriver",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/v1/defaults.go"
    },
    {
      group: "scheduling.k8s.io",
      kind: "PriorityClass",
      path: ["preemptionPolicy"],
      default: "PreemptLowerPriority",
      function: "SetDefaults_PriorityClass",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/scheduling/v1/defaults.go"
    },
    {
      group: "apiextensions.k8s.io",
      kind: "CustomResourceDefinition",
      path: ["spec", "scope"],
      default: "Namespaced",
      emptyIsUnset: true,
      function: "SetDefaults_CustomResourceDefinitionSpec (apiextensions.k8s.io/v1beta1; v1 requires the field)",
      source: "https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1beta1/defaults.go"
    }
  ]
};

// src/data/immutable-fields.json
var immutable_fields_default = {
  about: `Fields the API server refuses to update, per kind: the data behind immutable-field-changed (src/core/rules/analysis/immutable-fields.ts). check names the code that applies the row: "fields" compares the listed paths, after the server's defaults (immutable-defaults.json) are applied; the others are kind-specific and read the row's fields, except (spec fields a whole-spec comparison leaves out) and reason. fix and risk: the usual way out and what it costs; section: docs/reference/immutable-fields.md; source: the upstream validator.`,
  entries: [
    {
      group: "apps",
      kind: "StatefulSet",
      section: "§3.1 StatefulSet",
      check: "statefulset",
      summary: "revisionHistoryLimit is in the list because recent clusters let it change",
      except: [
        "replicas",
        "template",
        "updateStrategy",
        "minReadySeconds",
        "ordinals",
        "persistentVolumeClaimRetentionPolicy",
        "revisionHistoryLimit"
      ],
      reason: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      fix: "orphan + upgrade",
      risk: "low if STS name and VCT names unchanged; VCT size/class changes still need PVC work",
      validator: "ValidateStatefulSetUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go"
    },
    {
      group: "apps",
      kind: "Deployment",
      section: "§3.1 Deployment",
      check: "selector",
      summary: "not checked through apps/v1beta1",
      fields: [
        {
          path: ["spec", "selector"]
        }
      ],
      fix: "recreate (downtime) or orphan (leftover pods)",
      risk: "none (stateless)",
      validator: "ValidateDeploymentUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go"
    },
    {
      group: "apps",
      kind: "DaemonSet",
      section: "§3.1 DaemonSet",
      check: "selector",
      summary: "not checked through apps/v1beta1",
      fields: [
        {
          path: ["spec", "selector"]
        }
      ],
      fix: "recreate (downtime) or orphan (leftover pods)",
      risk: "none (stateless)",
      validator: "ValidateDaemonSetSpecUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go"
    },
    {
      group: "apps",
      kind: "ReplicaSet",
      section: "§3.1 ReplicaSet",
      check: "selector",
      summary: "not checked through apps/v1beta1",
      fields: [
        {
          path: ["spec", "selector"]
        }
      ],
      fix: "recreate (downtime) or orphan (leftover pods)",
      risk: "none (stateless)",
      validator: "ValidateReplicaSetUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go"
    },
    {
      group: "batch",
      kind: "Job",
      section: "§3.2 Job",
      check: "job",
      summary: "an Indexed Job may change completions together with parallelism (ElasticIndexedJob)",
      fields: [
        {
          path: ["spec", "template"]
        },
        {
          path: ["spec", "selector"]
        },
        {
          path: ["spec", "completions"]
        },
        {
          path: ["spec", "completionMode"]
        },
        {
          path: ["spec", "podFailurePolicy"]
        },
        {
          path: ["spec", "backoffLimitPerIndex"]
        },
        {
          path: ["spec", "managedBy"]
        },
        {
          path: ["spec", "successPolicy"]
        }
      ],
      fix: "delete Job before upgrade, or make it a hook",
      risk: "Job re-runs",
      validator: "ValidateJobSpecUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/batch/validation/validation.go"
    },
    {
      group: "",
      kind: "Service",
      section: "§3.3 Service",
      check: "service",
      summary: "spec.clusterIP (a value the new render pins), spec.ipFamilies[0], spec.loadBalancerClass (LoadBalancer to LoadBalancer), spec.healthCheckNodePort; nothing when either side is ExternalName",
      fix: "recreate",
      risk: "new ClusterIP/LB address",
      validator: "ValidateServiceUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "",
      kind: "PersistentVolumeClaim",
      section: "§3.3 PersistentVolumeClaim",
      check: "persistentvolumeclaim",
      summary: "the whole spec except a growing storage request, volumeName and storageClassName set once, volumeAttributesClassName; the beta storage-class annotation",
      fix: "new PVC + data copy",
      risk: "high",
      validator: "ValidatePersistentVolumeClaimUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "",
      kind: "PersistentVolume",
      section: "§3.3 PersistentVolume",
      check: "persistentvolume",
      summary: "the whole spec is the volume source; volumeMode; nodeAffinity once set",
      except: [
        "capacity",
        "accessModes",
        "claimRef",
        "persistentVolumeReclaimPolicy",
        "storageClassName",
        "mountOptions",
        "volumeMode",
        "nodeAffinity",
        "volumeAttributesClassName"
      ],
      fix: "recreate PV",
      risk: "depends on reclaim policy",
      validator: "ValidatePersistentVolumeUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "",
      kind: "Secret",
      section: "§3.3 Secret",
      check: "secret",
      summary: "type; data (stringData folded in) and immutable when the old Secret is immutable",
      fields: [
        {
          path: ["type"]
        }
      ],
      fix: "recreate (or rename)",
      risk: "none",
      validator: "ValidateSecretUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "",
      kind: "ConfigMap",
      section: "§3.3 ConfigMap",
      check: "configmap",
      summary: "data, binaryData and immutable when the old ConfigMap is immutable",
      fix: "recreate (or rename)",
      risk: "none",
      validator: "ValidateConfigMapUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "",
      kind: "ResourceQuota",
      section: "§3.3 Others in core",
      check: "resourcequota",
      summary: "spec.scopes, compared as a set",
      fix: "recreate",
      risk: "none",
      validator: "ValidateResourceQuotaUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go"
    },
    {
      group: "rbac.authorization.k8s.io",
      kind: "RoleBinding",
      section: "§3.4",
      check: "fields",
      fields: [
        {
          path: ["roleRef"]
        }
      ],
      reason: "cannot change roleRef",
      fix: "recreate",
      risk: "brief permission gap",
      validator: "ValidateRoleBindingUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/rbac/validation/validation.go"
    },
    {
      group: "rbac.authorization.k8s.io",
      kind: "ClusterRoleBinding",
      section: "§3.4",
      check: "fields",
      fields: [
        {
          path: ["roleRef"]
        }
      ],
      reason: "cannot change roleRef",
      fix: "recreate",
      risk: "brief permission gap",
      validator: "ValidateClusterRoleBindingUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/rbac/validation/validation.go"
    },
    {
      group: "storage.k8s.io",
      kind: "StorageClass",
      section: "§3.5 StorageClass",
      check: "fields",
      fields: [
        {
          path: ["provisioner"]
        },
        {
          path: ["parameters"]
        },
        {
          path: ["reclaimPolicy"]
        },
        {
          path: ["volumeBindingMode"]
        }
      ],
      fix: "recreate (existing PVs unaffected, inferred)",
      risk: "none",
      validator: "ValidateStorageClassUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/validation/validation.go"
    },
    {
      group: "storage.k8s.io",
      kind: "CSIDriver",
      section: "§3.5 CSIDriver",
      check: "fields",
      fields: [
        {
          path: ["spec", "attachRequired"]
        },
        {
          path: ["spec", "volumeLifecycleModes"]
        }
      ],
      fix: "recreate",
      risk: "none",
      validator: "ValidateCSIDriverUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/storage/validation/validation.go"
    },
    {
      group: "networking.k8s.io",
      kind: "IngressClass",
      section: "§3.7 IngressClass",
      check: "fields",
      fields: [
        {
          path: ["spec", "controller"]
        }
      ],
      fix: "recreate",
      risk: "none",
      validator: "ValidateIngressClassUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/networking/validation/validation.go"
    },
    {
      group: "scheduling.k8s.io",
      kind: "PriorityClass",
      section: "§3.8 PriorityClass",
      check: "fields",
      fields: [
        {
          path: ["value"]
        },
        {
          path: ["preemptionPolicy"]
        }
      ],
      fix: "recreate",
      risk: "none",
      validator: "ValidatePriorityClassUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/scheduling/validation/validation.go"
    },
    {
      group: "node.k8s.io",
      kind: "RuntimeClass",
      section: "§3.8 RuntimeClass",
      check: "fields",
      fields: [
        {
          path: ["handler"]
        }
      ],
      fix: "recreate",
      risk: "none",
      validator: "ValidateRuntimeClassUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/node/validation/validation.go"
    },
    {
      group: "discovery.k8s.io",
      kind: "EndpointSlice",
      section: "§3.8 EndpointSlice",
      check: "fields",
      fields: [
        {
          path: ["addressType"]
        }
      ],
      fix: "recreate",
      risk: "none",
      validator: "ValidateEndpointSliceUpdate",
      source: "https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/discovery/validation/validation.go"
    },
    {
      group: "apiextensions.k8s.io",
      kind: "CustomResourceDefinition",
      section: "§3.9",
      check: "customresourcedefinition",
      summary: "spec.preserveUnknownFields may not go from false to true",
      fields: [
        {
          path: ["spec", "group"]
        },
        {
          path: ["spec", "names", "plural"]
        },
        {
          path: ["spec", "scope"]
        },
        {
          path: ["spec", "names", "kind"]
        }
      ],
      fix: "recreate = deletes all custom resources; storage migration for versions",
      risk: "very high",
      validator: "ValidateCustomResourceDefinitionUpdate",
      source: "https://github.com/kubernetes/apiextensions-apiserver/blob/master/pkg/apis/apiextensions/validation/validation.go"
    }
  ]
};

// src/data/removed-apis.json
var removed_apis_default = {
  about: "Served REST API versions Kubernetes deprecated or removed: the data behind api-removed, api-deprecated and the served-API list (src/core/render/api-versions.ts). removedIn is the first minor whose kube-apiserver no longer serves it by default; section: docs/reference/deprecated-apis.md; source: the upstream record (Deprecated API Migration Guide, the pull request in the release notes, the release changelog, or k8s.io/api lifecycle tags).",
  entries: [
    {
      apiVersion: "extensions/v1beta1",
      kinds: ["Deployment", "DaemonSet", "ReplicaSet"],
      deprecatedIn: "1.8",
      removedIn: "1.16",
      replacement: "apps/v1",
      replacementSince: "1.9",
      note: "spec.selector becomes required and immutable",
      section: "§3.1",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16"
    },
    {
      apiVersion: "apps/v1beta1",
      kinds: ["Deployment", "StatefulSet", "ControllerRevision"],
      deprecatedIn: "1.8",
      removedIn: "1.16",
      replacement: "apps/v1",
      replacementSince: "1.9",
      section: "§3.1",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16"
    },
    {
      apiVersion: "apps/v1beta2",
      kinds: ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet", "ControllerRevision"],
      deprecatedIn: "1.9",
      removedIn: "1.16",
      replacement: "apps/v1",
      replacementSince: "1.9",
      section: "§3.1",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16"
    },
    {
      apiVersion: "extensions/v1beta1",
      kinds: ["NetworkPolicy"],
      deprecatedIn: "1.9",
      removedIn: "1.16",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.8",
      section: "§3.1",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16"
    },
    {
      apiVersion: "extensions/v1beta1",
      kinds: ["PodSecurityPolicy"],
      deprecatedIn: "1.11",
      removedIn: "1.16",
      note: "PodSecurityPolicy is gone since 1.25: use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)",
      section: "§3.1",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16"
    },
    {
      apiVersion: "auditregistration.k8s.io/v1alpha1",
      kinds: ["AuditSink"],
      removedIn: "1.19",
      note: "dynamic auditing was dropped: use static audit backends",
      section: "§3.2",
      source: "https://github.com/kubernetes/kubernetes/pull/91502"
    },
    {
      apiVersion: "settings.k8s.io/v1alpha1",
      kinds: ["PodPreset"],
      removedIn: "1.20",
      note: "use a mutating admission webhook",
      section: "§3.2",
      source: "https://github.com/kubernetes/kubernetes/pull/94090"
    },
    {
      apiVersion: "batch/v2alpha1",
      kinds: ["CronJob"],
      deprecatedIn: "1.21",
      removedIn: "1.21",
      replacement: "batch/v1",
      replacementSince: "1.21",
      section: "§3.2",
      source: "https://github.com/kubernetes/kubernetes/pull/96987"
    },
    {
      apiVersion: "discovery.k8s.io/v1alpha1",
      kinds: ["EndpointSlice"],
      deprecatedIn: "1.20",
      removedIn: "1.21",
      replacement: "discovery.k8s.io/v1",
      replacementSince: "1.21",
      section: "§3.2",
      source: "https://github.com/kubernetes/kubernetes/pull/96440"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1alpha1",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      deprecatedIn: "1.20",
      removedIn: "1.21",
      replacement: "flowcontrol.apiserver.k8s.io/v1",
      replacementSince: "1.29",
      section: "§3.2",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.21.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1beta1",
      kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
      deprecatedIn: "1.16",
      removedIn: "1.22",
      replacement: "admissionregistration.k8s.io/v1",
      replacementSince: "1.16",
      note: "sideEffects and admissionReviewVersions become required",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "apiextensions.k8s.io/v1beta1",
      kinds: ["CustomResourceDefinition"],
      deprecatedIn: "1.16",
      removedIn: "1.22",
      replacement: "apiextensions.k8s.io/v1",
      replacementSince: "1.16",
      note: "per-version schema and a structural openAPIV3Schema are required",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "apiregistration.k8s.io/v1beta1",
      kinds: ["APIService"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "apiregistration.k8s.io/v1",
      replacementSince: "1.10",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "authentication.k8s.io/v1beta1",
      kinds: ["TokenReview"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "authentication.k8s.io/v1",
      replacementSince: "1.6",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "authorization.k8s.io/v1beta1",
      kinds: ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "authorization.k8s.io/v1",
      replacementSince: "1.6",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "certificates.k8s.io/v1beta1",
      kinds: ["CertificateSigningRequest"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "certificates.k8s.io/v1",
      replacementSince: "1.19",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "coordination.k8s.io/v1beta1",
      kinds: ["Lease"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "coordination.k8s.io/v1",
      replacementSince: "1.14",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "extensions/v1beta1",
      kinds: ["Ingress"],
      deprecatedIn: "1.14",
      removedIn: "1.22",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.19",
      note: "backends become service.name/service.port and every path needs a pathType",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "networking.k8s.io/v1beta1",
      kinds: ["Ingress"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.19",
      note: "backends become service.name/service.port and every path needs a pathType",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "networking.k8s.io/v1beta1",
      kinds: ["IngressClass"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.19",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1beta1",
      kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
      deprecatedIn: "1.17",
      removedIn: "1.22",
      replacement: "rbac.authorization.k8s.io/v1",
      replacementSince: "1.8",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "scheduling.k8s.io/v1beta1",
      kinds: ["PriorityClass"],
      deprecatedIn: "1.14",
      removedIn: "1.22",
      replacement: "scheduling.k8s.io/v1",
      replacementSince: "1.14",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["CSIDriver"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.19",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["CSINode"],
      deprecatedIn: "1.17",
      removedIn: "1.22",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.17",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["StorageClass"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.6",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["VolumeAttachment"],
      deprecatedIn: "1.19",
      removedIn: "1.22",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.13",
      section: "§3.3",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-22"
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1alpha1",
      kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
      deprecatedIn: "1.17",
      removedIn: "1.23",
      replacement: "rbac.authorization.k8s.io/v1",
      replacementSince: "1.8",
      section: "§3.4",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.23.md"
    },
    {
      apiVersion: "scheduling.k8s.io/v1alpha1",
      kinds: ["PriorityClass"],
      deprecatedIn: "1.14",
      removedIn: "1.23",
      replacement: "scheduling.k8s.io/v1",
      replacementSince: "1.14",
      section: "§3.4",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.23.md"
    },
    {
      apiVersion: "node.k8s.io/v1alpha1",
      kinds: ["RuntimeClass"],
      removedIn: "1.24",
      replacement: "node.k8s.io/v1",
      replacementSince: "1.20",
      note: "spec.runtimeHandler becomes the top-level handler",
      section: "§3.4",
      source: "https://github.com/kubernetes/kubernetes/pull/103061"
    },
    {
      apiVersion: "storage.k8s.io/v1alpha1",
      kinds: ["VolumeAttachment"],
      deprecatedIn: "1.21",
      removedIn: "1.24",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.13",
      section: "§3.4",
      source: "https://github.com/kubernetes/kubernetes/pull/99641"
    },
    {
      apiVersion: "storage.k8s.io/v1alpha1",
      kinds: ["CSIStorageCapacity"],
      deprecatedIn: "1.21",
      removedIn: "1.24",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.24",
      section: "§3.4",
      source: "https://github.com/kubernetes/kubernetes/pull/99641"
    },
    {
      apiVersion: "batch/v1beta1",
      kinds: ["CronJob"],
      deprecatedIn: "1.21",
      removedIn: "1.25",
      replacement: "batch/v1",
      replacementSince: "1.21",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "discovery.k8s.io/v1beta1",
      kinds: ["EndpointSlice"],
      deprecatedIn: "1.21",
      removedIn: "1.25",
      replacement: "discovery.k8s.io/v1",
      replacementSince: "1.21",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "events.k8s.io/v1beta1",
      kinds: ["Event"],
      deprecatedIn: "1.22",
      removedIn: "1.25",
      replacement: "events.k8s.io/v1",
      replacementSince: "1.19",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "autoscaling/v2beta1",
      kinds: ["HorizontalPodAutoscaler"],
      deprecatedIn: "1.22",
      removedIn: "1.25",
      replacement: "autoscaling/v2",
      replacementSince: "1.23",
      note: "metric targets move into typed target objects",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "policy/v1beta1",
      kinds: ["PodDisruptionBudget"],
      deprecatedIn: "1.21",
      removedIn: "1.25",
      replacement: "policy/v1",
      replacementSince: "1.21",
      note: "an empty selector selects every pod in policy/v1",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "policy/v1beta1",
      kinds: ["PodSecurityPolicy"],
      deprecatedIn: "1.21",
      removedIn: "1.25",
      note: "no successor: the PodSecurityPolicy admission plugin is gone; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels) or an admission webhook, and disable the PSP template",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "node.k8s.io/v1beta1",
      kinds: ["RuntimeClass"],
      deprecatedIn: "1.22",
      removedIn: "1.25",
      replacement: "node.k8s.io/v1",
      replacementSince: "1.20",
      section: "§3.5",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-25"
    },
    {
      apiVersion: "autoscaling/v2beta2",
      kinds: ["HorizontalPodAutoscaler"],
      deprecatedIn: "1.23",
      removedIn: "1.26",
      replacement: "autoscaling/v2",
      replacementSince: "1.23",
      section: "§3.6",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-26"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      deprecatedIn: "1.23",
      removedIn: "1.26",
      replacement: "flowcontrol.apiserver.k8s.io/v1",
      replacementSince: "1.29",
      section: "§3.6",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-26"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["CSIStorageCapacity"],
      deprecatedIn: "1.24",
      removedIn: "1.27",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.24",
      section: "§3.7",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-27"
    },
    {
      apiVersion: "resource.k8s.io/v1alpha1",
      kinds: ["ResourceClass", "ResourceClaim", "ResourceClaimTemplate", "PodScheduling"],
      removedIn: "1.27",
      replacement: "resource.k8s.io/v1",
      replacementSince: "1.34",
      note: "classic DRA was redesigned",
      section: "§3.7",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.27.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      deprecatedIn: "1.26",
      removedIn: "1.29",
      replacement: "flowcontrol.apiserver.k8s.io/v1",
      replacementSince: "1.29",
      section: "§3.8",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-29"
    },
    {
      apiVersion: "networking.k8s.io/v1alpha1",
      kinds: ["ClusterCIDR"],
      deprecatedIn: "1.28",
      removedIn: "1.29",
      note: "the alpha feature was dropped",
      section: "§3.8",
      source: "https://github.com/kubernetes/kubernetes/pull/121229"
    },
    {
      apiVersion: "resource.k8s.io/v1alpha2",
      kinds: [
        "ResourceClass",
        "ResourceClaim",
        "ResourceClaimTemplate",
        "PodSchedulingContext",
        "ResourceSlice",
        "ResourceClaimParameters",
        "ResourceClassParameters"
      ],
      removedIn: "1.31",
      replacement: "resource.k8s.io/v1",
      replacementSince: "1.34",
      note: "incompatible redesign (DeviceClass replaces ResourceClass)",
      section: "§3.9",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.31.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      deprecatedIn: "1.29",
      removedIn: "1.32",
      replacement: "flowcontrol.apiserver.k8s.io/v1",
      replacementSince: "1.29",
      section: "§3.10",
      source: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-32"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1alpha1",
      kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
      deprecatedIn: "1.29",
      removedIn: "1.32",
      replacement: "admissionregistration.k8s.io/v1",
      replacementSince: "1.30",
      section: "§3.10",
      source: "https://github.com/kubernetes/kubernetes/pull/129207"
    },
    {
      apiVersion: "authentication.k8s.io/v1alpha1",
      kinds: ["SelfSubjectReview"],
      deprecatedIn: "1.29",
      removedIn: "1.32",
      replacement: "authentication.k8s.io/v1",
      replacementSince: "1.28",
      section: "§3.10",
      source: "https://github.com/kubernetes/kubernetes/pull/129186"
    },
    {
      apiVersion: "coordination.k8s.io/v1alpha1",
      kinds: ["LeaseCandidate"],
      removedIn: "1.32",
      replacement: "coordination.k8s.io/v1beta1",
      replacementSince: "1.33",
      section: "§3.10",
      source: "https://github.com/kubernetes/kubernetes/pull/127857"
    },
    {
      apiVersion: "resource.k8s.io/v1alpha3",
      kinds: ["PodSchedulingContext"],
      removedIn: "1.32",
      note: "classic DRA was removed",
      section: "§3.10",
      source: "https://github.com/kubernetes/kubernetes/pull/128003"
    },
    {
      apiVersion: "authentication.k8s.io/v1beta1",
      kinds: ["SelfSubjectReview"],
      deprecatedIn: "1.30",
      removedIn: "1.33",
      replacement: "authentication.k8s.io/v1",
      replacementSince: "1.28",
      section: "§3.11",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.33.md"
    },
    {
      apiVersion: "networking.k8s.io/v1alpha1",
      kinds: ["IPAddress", "ServiceCIDR"],
      deprecatedIn: "1.30",
      removedIn: "1.33",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.33",
      section: "§3.11",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.33.md"
    },
    {
      apiVersion: "resource.k8s.io/v1alpha3",
      kinds: ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
      deprecatedIn: "1.34",
      removedIn: "1.34",
      replacement: "resource.k8s.io/v1",
      replacementSince: "1.34",
      section: "§3.12",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.34.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1beta1",
      kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
      deprecatedIn: "1.31",
      removedIn: "1.34",
      replacement: "admissionregistration.k8s.io/v1",
      replacementSince: "1.30",
      section: "§3.12",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.34.md"
    },
    {
      apiVersion: "storage.k8s.io/v1alpha1",
      kinds: ["VolumeAttributesClass"],
      deprecatedIn: "1.32",
      removedIn: "1.35",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.34",
      section: "§3.13",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.35.md"
    },
    {
      apiVersion: "storagemigration.k8s.io/v1alpha1",
      kinds: ["StorageVersionMigration"],
      deprecatedIn: "1.33",
      removedIn: "1.35",
      replacement: "storagemigration.k8s.io/v1beta1",
      replacementSince: "1.35",
      section: "§3.13",
      source: "https://github.com/kubernetes/kubernetes/pull/138560"
    },
    {
      apiVersion: "certificates.k8s.io/v1alpha1",
      kinds: ["PodCertificateRequest"],
      removedIn: "1.35",
      replacement: "certificates.k8s.io/v1beta1",
      replacementSince: "1.35",
      section: "§3.13",
      source: "https://github.com/kubernetes/kubernetes/pull/139579"
    },
    {
      apiVersion: "scheduling.k8s.io/v1alpha1",
      kinds: ["Workload"],
      removedIn: "1.36",
      replacement: "scheduling.k8s.io/v1alpha2",
      replacementSince: "1.36",
      section: "§3.14",
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.36.md"
    },
    {
      apiVersion: "resource.k8s.io/v1beta1",
      kinds: ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
      deprecatedIn: "1.33",
      removedIn: "1.38",
      replacement: "resource.k8s.io/v1",
      replacementSince: "1.34",
      note: "the 1.33 release notes announced removal in 1.36; off by default since it is a beta added after 1.24",
      section: "§3.14",
      source: "https://github.com/kubernetes/kubernetes/pull/129970"
    },
    {
      apiVersion: "networking.k8s.io/v1beta1",
      kinds: ["IPAddress", "ServiceCIDR"],
      deprecatedIn: "1.34",
      removedIn: "1.37",
      replacement: "networking.k8s.io/v1",
      replacementSince: "1.33",
      section: "§3.15",
      source: "https://github.com/kubernetes/api/blob/master/networking/v1beta1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      kinds: ["VolumeAttributesClass"],
      deprecatedIn: "1.34",
      removedIn: "1.37",
      replacement: "storage.k8s.io/v1",
      replacementSince: "1.34",
      section: "§3.15",
      source: "https://github.com/kubernetes/kubernetes/pull/134556"
    },
    {
      apiVersion: "certificates.k8s.io/v1alpha1",
      kinds: ["ClusterTrustBundle"],
      deprecatedIn: "1.34",
      removedIn: "1.37",
      replacement: "certificates.k8s.io/v1beta1",
      replacementSince: "1.33",
      section: "§3.15",
      source: "https://github.com/kubernetes/kubernetes/pull/139437"
    },
    {
      apiVersion: "scheduling.k8s.io/v1alpha2",
      kinds: ["Workload", "PodGroup"],
      removedIn: "1.37",
      replacement: "scheduling.k8s.io/v1beta1",
      replacementSince: "1.37",
      section: "§3.15",
      source: "https://github.com/kubernetes/api/blob/master/scheduling/v1alpha2/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "resource.k8s.io/v1beta2",
      kinds: ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
      deprecatedIn: "1.36",
      removedIn: "1.39",
      replacement: "resource.k8s.io/v1",
      replacementSince: "1.34",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/resource/v1beta2/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "resource.k8s.io/v1alpha3",
      kinds: ["DeviceTaintRule"],
      deprecatedIn: "1.36",
      removedIn: "1.39",
      replacement: "resource.k8s.io/v1beta2",
      replacementSince: "1.36",
      section: "§4",
      source: "https://github.com/kubernetes/kubernetes/pull/138676"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1alpha1",
      kinds: ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"],
      deprecatedIn: "1.35",
      removedIn: "1.38",
      replacement: "admissionregistration.k8s.io/v1",
      replacementSince: "1.36",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/admissionregistration/v1alpha1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1beta1",
      kinds: ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"],
      deprecatedIn: "1.37",
      removedIn: "1.40",
      replacement: "admissionregistration.k8s.io/v1",
      replacementSince: "1.36",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/admissionregistration/v1beta1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "coordination.k8s.io/v1alpha2",
      kinds: ["LeaseCandidate"],
      deprecatedIn: "1.35",
      removedIn: "1.38",
      replacement: "coordination.k8s.io/v1beta1",
      replacementSince: "1.33",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/coordination/v1alpha2/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "coordination.k8s.io/v1beta1",
      kinds: ["LeaseCandidate"],
      deprecatedIn: "1.36",
      removedIn: "1.39",
      note: "no replacement yet",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/coordination/v1beta1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "certificates.k8s.io/v1beta1",
      kinds: ["ClusterTrustBundle", "PodCertificateRequest"],
      deprecatedIn: "1.37",
      removedIn: "1.40",
      replacement: "certificates.k8s.io/v1",
      replacementSince: "1.37",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/certificates/v1beta1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "storagemigration.k8s.io/v1beta1",
      kinds: ["StorageVersionMigration"],
      deprecatedIn: "1.37",
      removedIn: "1.40",
      replacement: "storagemigration.k8s.io/v1",
      replacementSince: "1.37",
      section: "§4",
      source: "https://github.com/kubernetes/api/blob/master/storagemigration/v1beta1/zz_generated.prerelease-lifecycle.go"
    },
    {
      apiVersion: "v1",
      kinds: ["Endpoints"],
      deprecatedIn: "1.33",
      replacement: "discovery.k8s.io/v1 EndpointSlice",
      replacementSince: "1.21",
      note: "no removal is planned",
      section: "§4",
      source: "https://github.com/kubernetes/kubernetes/pull/130098"
    },
    {
      apiVersion: "v1",
      kinds: ["ComponentStatus"],
      deprecatedIn: "1.19",
      note: "use the /livez and /readyz endpoints; no removal date",
      section: "§4",
      source: "https://github.com/kubernetes/kubernetes/pull/93570"
    }
  ]
};

// src/data/served-apis.json
var served_apis_default = {
  about: "Built-in group/versions a kube-apiserver serves by default, from the minor release in since (src/core/render/served-apis.ts); when each stops being served is the removedIn of removed-apis.json. source: the release that first served them.",
  entries: [
    {
      apiVersion: "v1",
      since: "1.0",
      kinds: [
        "Binding",
        "ComponentStatus",
        "Endpoints",
        "Event",
        "LimitRange",
        "Namespace",
        "Node",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "Pod",
        "PodTemplate",
        "ReplicationController",
        "ResourceQuota",
        "Secret",
        "Service",
        "ServiceAccount"
      ],
      source: "https://github.com/kubernetes/kubernetes/releases/tag/v1.0.0"
    },
    {
      apiVersion: "v1",
      since: "1.2",
      kinds: ["ConfigMap"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.2.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1beta1",
      since: "1.9",
      kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.9.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      since: "1.16",
      kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.16.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      since: "1.30",
      kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.30.md"
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      since: "1.36",
      kinds: ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.36.md"
    },
    {
      apiVersion: "apiextensions.k8s.io/v1beta1",
      since: "1.7",
      kinds: ["CustomResourceDefinition"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.7.md"
    },
    {
      apiVersion: "apiextensions.k8s.io/v1",
      since: "1.16",
      kinds: ["CustomResourceDefinition"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.16.md"
    },
    {
      apiVersion: "apiregistration.k8s.io/v1beta1",
      since: "1.7",
      kinds: ["APIService"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.7.md"
    },
    {
      apiVersion: "apiregistration.k8s.io/v1",
      since: "1.10",
      kinds: ["APIService"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.10.md"
    },
    {
      apiVersion: "apps/v1beta1",
      since: "1.5",
      kinds: ["ControllerRevision", "Deployment", "StatefulSet"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.5.md"
    },
    {
      apiVersion: "apps/v1beta2",
      since: "1.8",
      kinds: ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md"
    },
    {
      apiVersion: "apps/v1",
      since: "1.9",
      kinds: ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.9.md"
    },
    {
      apiVersion: "authentication.k8s.io/v1beta1",
      since: "1.3",
      kinds: ["TokenReview"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.3.md"
    },
    {
      apiVersion: "authentication.k8s.io/v1",
      since: "1.6",
      kinds: ["TokenReview"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.6.md"
    },
    {
      apiVersion: "authentication.k8s.io/v1",
      since: "1.28",
      kinds: ["SelfSubjectReview"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.28.md"
    },
    {
      apiVersion: "authorization.k8s.io/v1beta1",
      since: "1.3",
      kinds: ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.3.md"
    },
    {
      apiVersion: "authorization.k8s.io/v1",
      since: "1.6",
      kinds: ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.6.md"
    },
    {
      apiVersion: "autoscaling/v1",
      since: "1.2",
      kinds: ["HorizontalPodAutoscaler"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.2.md"
    },
    {
      apiVersion: "autoscaling/v2beta1",
      since: "1.8",
      kinds: ["HorizontalPodAutoscaler"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md"
    },
    {
      apiVersion: "autoscaling/v2beta2",
      since: "1.12",
      kinds: ["HorizontalPodAutoscaler"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.12.md"
    },
    {
      apiVersion: "autoscaling/v2",
      since: "1.23",
      kinds: ["HorizontalPodAutoscaler"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.23.md"
    },
    {
      apiVersion: "batch/v1",
      since: "1.2",
      kinds: ["Job"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.2.md"
    },
    {
      apiVersion: "batch/v1beta1",
      since: "1.8",
      kinds: ["CronJob"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md"
    },
    {
      apiVersion: "batch/v1",
      since: "1.21",
      kinds: ["CronJob"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.21.md"
    },
    {
      apiVersion: "certificates.k8s.io/v1beta1",
      since: "1.6",
      kinds: ["CertificateSigningRequest"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.6.md"
    },
    {
      apiVersion: "certificates.k8s.io/v1",
      since: "1.19",
      kinds: ["CertificateSigningRequest"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.19.md"
    },
    {
      apiVersion: "coordination.k8s.io/v1beta1",
      since: "1.12",
      kinds: ["Lease"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.12.md"
    },
    {
      apiVersion: "coordination.k8s.io/v1",
      since: "1.14",
      kinds: ["Lease"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.14.md"
    },
    {
      apiVersion: "discovery.k8s.io/v1beta1",
      since: "1.17",
      kinds: ["EndpointSlice"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.17.md"
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      since: "1.21",
      kinds: ["EndpointSlice"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.21.md"
    },
    {
      apiVersion: "events.k8s.io/v1beta1",
      since: "1.8",
      kinds: ["Event"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md"
    },
    {
      apiVersion: "events.k8s.io/v1",
      since: "1.19",
      kinds: ["Event"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.19.md"
    },
    {
      apiVersion: "extensions/v1beta1",
      since: "1.2",
      kinds: ["DaemonSet", "Deployment", "Ingress", "NetworkPolicy", "PodSecurityPolicy", "ReplicaSet"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.2.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
      since: "1.20",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.20.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
      since: "1.23",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.23.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
      since: "1.26",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md"
    },
    {
      apiVersion: "flowcontrol.apiserver.k8s.io/v1",
      since: "1.29",
      kinds: ["FlowSchema", "PriorityLevelConfiguration"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.29.md"
    },
    {
      apiVersion: "networking.k8s.io/v1",
      since: "1.7",
      kinds: ["NetworkPolicy"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.7.md"
    },
    {
      apiVersion: "networking.k8s.io/v1beta1",
      since: "1.14",
      kinds: ["Ingress"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.14.md"
    },
    {
      apiVersion: "networking.k8s.io/v1beta1",
      since: "1.18",
      kinds: ["IngressClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.18.md"
    },
    {
      apiVersion: "networking.k8s.io/v1",
      since: "1.19",
      kinds: ["Ingress", "IngressClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.19.md"
    },
    {
      apiVersion: "networking.k8s.io/v1",
      since: "1.33",
      kinds: ["IPAddress", "ServiceCIDR"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.33.md"
    },
    {
      apiVersion: "node.k8s.io/v1beta1",
      since: "1.14",
      kinds: ["RuntimeClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.14.md"
    },
    {
      apiVersion: "node.k8s.io/v1",
      since: "1.20",
      kinds: ["RuntimeClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.20.md"
    },
    {
      apiVersion: "policy/v1beta1",
      since: "1.5",
      kinds: ["PodDisruptionBudget"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.5.md"
    },
    {
      apiVersion: "policy/v1beta1",
      since: "1.10",
      kinds: ["PodSecurityPolicy"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.10.md"
    },
    {
      apiVersion: "policy/v1",
      since: "1.21",
      kinds: ["PodDisruptionBudget"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.21.md"
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1beta1",
      since: "1.6",
      kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.6.md"
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      since: "1.8",
      kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md"
    },
    {
      apiVersion: "resource.k8s.io/v1",
      since: "1.34",
      kinds: ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.34.md"
    },
    {
      apiVersion: "scheduling.k8s.io/v1beta1",
      since: "1.11",
      kinds: ["PriorityClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.11.md"
    },
    {
      apiVersion: "scheduling.k8s.io/v1",
      since: "1.14",
      kinds: ["PriorityClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.14.md"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      since: "1.4",
      kinds: ["StorageClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.4.md"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      since: "1.10",
      kinds: ["VolumeAttachment"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.10.md"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      since: "1.14",
      kinds: ["CSIDriver", "CSINode"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.14.md"
    },
    {
      apiVersion: "storage.k8s.io/v1beta1",
      since: "1.21",
      kinds: ["CSIStorageCapacity"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.21.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.6",
      kinds: ["StorageClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.6.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.13",
      kinds: ["VolumeAttachment"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.13.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.17",
      kinds: ["CSINode"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.17.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.18",
      kinds: ["CSIDriver"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.18.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.24",
      kinds: ["CSIStorageCapacity"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md"
    },
    {
      apiVersion: "storage.k8s.io/v1",
      since: "1.34",
      kinds: ["VolumeAttributesClass"],
      source: "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.34.md"
    }
  ]
};

// src/core/render/reference-tables.ts
var IMMUTABLE_CHECKS = [
  "fields",
  "selector",
  "statefulset",
  "job",
  "service",
  "persistentvolumeclaim",
  "persistentvolume",
  "secret",
  "configmap",
  "resourcequota",
  "customresourcedefinition"
];
var ReferenceDataError = class extends Error {
  constructor(file, row2, problem) {
    super(`src/data/${file}${row2 === void 0 ? "" : ` entry ${row2}`}: ${problem}`);
    this.file = file;
    this.row = row2;
    this.name = "ReferenceDataError";
  }
  file;
  row;
};
var MINOR = /^1\.\d+$/;
var isStringList = (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item !== "");
function rows(file, raw, known, problem) {
  const entries = raw?.entries;
  if (!Array.isArray(entries)) throw new ReferenceDataError(file, void 0, 'the file has no "entries" list');
  entries.forEach((row2, index) => {
    if (typeof row2 !== "object" || row2 === null || Array.isArray(row2))
      throw new ReferenceDataError(file, index, "not an object");
    const unknown = Object.keys(row2).find((key2) => !known.includes(key2));
    const found = unknown ? `unknown key "${unknown}"` : problem(row2);
    if (found) throw new ReferenceDataError(file, index, found);
  });
  return entries;
}
var optionalMinor = (row2, key2) => row2[key2] === void 0 || typeof row2[key2] === "string" && MINOR.test(row2[key2]) ? void 0 : `${key2} must be a minor release such as "1.25"`;
var optionalText = (row2, key2) => row2[key2] === void 0 || typeof row2[key2] === "string" && row2[key2] !== "" ? void 0 : `${key2} must be text`;
var sourceLink = (row2) => typeof row2.source === "string" && row2.source.startsWith("https://") ? void 0 : "source must be an https link";
function loadRemovedApis(raw) {
  const known = [
    "apiVersion",
    "kinds",
    "deprecatedIn",
    "removedIn",
    "replacement",
    "replacementSince",
    "note",
    "section",
    "source"
  ];
  return rows("removed-apis.json", raw, known, (row2) => {
    if (typeof row2.apiVersion !== "string" || row2.apiVersion === "") return "apiVersion must be text";
    if (!isStringList(row2.kinds)) return "kinds must be a list of kind names";
    if (typeof row2.section !== "string" || !row2.section.startsWith("§")) return "section must be a § reference";
    return optionalMinor(row2, "deprecatedIn") ?? optionalMinor(row2, "removedIn") ?? optionalMinor(row2, "replacementSince") ?? optionalText(row2, "replacement") ?? optionalText(row2, "note") ?? sourceLink(row2);
  });
}
function loadServedApis(raw) {
  return rows("served-apis.json", raw, ["apiVersion", "since", "kinds", "source"], (row2) => {
    if (typeof row2.apiVersion !== "string" || row2.apiVersion === "") return "apiVersion must be text";
    if (typeof row2.since !== "string" || !/^1\.\d+$/.test(row2.since)) return "since must be a minor release";
    if (!isStringList(row2.kinds)) return "kinds must be a list of kind names";
    return sourceLink(row2);
  });
}
var isFieldSpec = (value) => {
  if (typeof value !== "object" || value === null) return false;
  const { path, ...rest } = value;
  const pathOk = Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === "string");
  return pathOk && Object.keys(rest).length === 0;
};
function loadImmutableFields(raw) {
  const known = [
    ...["group", "kind", "section", "check", "summary", "fields", "except", "reason"],
    ...["fix", "risk", "validator", "source"]
  ];
  return rows("immutable-fields.json", raw, known, (row2) => {
    if (typeof row2.group !== "string") return 'group must be text ("" for the core group)';
    if (typeof row2.kind !== "string" || row2.kind === "") return "kind must be text";
    if (typeof row2.section !== "string" || !row2.section.startsWith("§")) return "section must be a § reference";
    if (!IMMUTABLE_CHECKS.includes(row2.check)) return `check must be one of ${IMMUTABLE_CHECKS}`;
    if (row2.fields !== void 0 && !(Array.isArray(row2.fields) && row2.fields.every(isFieldSpec)))
      return "fields must be a list of { path }";
    if (row2.check === "fields" && row2.fields === void 0) return 'a "fields" check needs fields';
    if (row2.check !== "fields" && row2.summary === void 0) return "a kind-specific check needs a summary";
    if (row2.except !== void 0 && !isStringList(row2.except)) return "except must be a list of field names";
    if (typeof row2.validator !== "string" || row2.validator === "") return "validator must be text";
    if (typeof row2.fix !== "string" || typeof row2.risk !== "string") return "fix and risk must be text";
    return optionalText(row2, "summary") ?? optionalText(row2, "reason") ?? sourceLink(row2);
  });
}
function loadImmutableDefaults(raw) {
  const known = ["group", "kind", "path", "default", "emptyIsUnset", "function", "source"];
  return rows("immutable-defaults.json", raw, known, (row2) => {
    if (typeof row2.group !== "string") return 'group must be text ("" for the core group)';
    if (typeof row2.kind !== "string" || row2.kind === "") return "kind must be text";
    if (!isStringList(row2.path)) return "path must be a list of field names";
    if (row2.default === void 0 || row2.default === null) return "default must be a value";
    if (row2.emptyIsUnset !== void 0 && typeof row2.emptyIsUnset !== "boolean")
      return "emptyIsUnset must be a boolean";
    if (typeof row2.function !== "string" || row2.function === "") return "function must be text";
    return sourceLink(row2);
  });
}
var REMOVED_APIS = loadRemovedApis(removed_apis_default);
var SERVED_APIS = loadServedApis(served_apis_default);
var IMMUTABLE_KINDS = loadImmutableFields(immutable_fields_default);
var IMMUTABLE_DEFAULTS = loadImmutableDefaults(immutable_defaults_default);

// src/core/render/api-versions.ts
var API_VERSIONS = REMOVED_APIS;
function apiVersionEntry(apiVersion, kind) {
  return API_VERSIONS.find((entry) => entry.apiVersion === apiVersion && entry.kinds.includes(kind));
}
function parseKubeVersion(version) {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : void 0;
}
function reachedBy(release, target) {
  if (release === void 0) return false;
  const r = parseKubeVersion(release);
  const t = parseKubeVersion(target);
  if (!r || !t) return false;
  return r[0] < t[0] || r[0] === t[0] && r[1] <= t[1];
}
function apiStatusAt(entry, target) {
  if (!entry) return "served";
  if (reachedBy(entry.removedIn, target)) return "removed";
  if (reachedBy(entry.deprecatedIn, target)) return "deprecated";
  return "served";
}

// src/core/values/key-path.ts
function formatKeyPath(path) {
  let out = "";
  path.forEach((segment, i) => {
    if (typeof segment === "number") {
      out += `[${segment}]`;
      return;
    }
    const escaped = segment.replace(/\\/g, "\\\\").replace(/\./g, "\\.").replace(/\[/g, "\\[");
    out += i === 0 ? escaped : `.${escaped}`;
  });
  return out;
}
function parseKeyPath(text) {
  return parse(text, false);
}
function parseSetKeyPath(text) {
  return parse(text, true);
}
function parse(text, rejectEmptyKeys) {
  const path = [];
  let i = 0;
  for (; ; ) {
    const keyStart = i;
    let key2 = "";
    while (i < text.length && text[i] !== "." && text[i] !== "[") {
      if (text[i] === "\\" && i + 1 < text.length) i++;
      key2 += text[i++];
    }
    if (key2 === "" && rejectEmptyKeys) throw new KeyPathError(text, keyStart);
    path.push(key2);
    while (text[i] === "[") {
      const close = text.indexOf("]", i);
      const index = Number(text.slice(i + 1, close));
      if (close < 0 || close === i + 1 || !Number.isInteger(index) || index < 0) throw new KeyPathError(text, i);
      path.push(index);
      i = close + 1;
    }
    if (i >= text.length) return path;
    if (text[i] !== ".") throw new KeyPathError(text, i);
    i++;
  }
}
var KeyPathError = class extends Error {
  constructor(text, column) {
    super(`malformed key path "${text}" at column ${column + 1}`);
    this.text = text;
    this.column = column;
  }
  text;
  column;
};
function isPrefix(prefix, path) {
  if (prefix.length > path.length) return false;
  return prefix.every((s, i) => s === path[i]);
}
function getAt(tree, path) {
  let node = tree;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return void 0;
    if (typeof segment === "number") {
      if (!Array.isArray(node)) return void 0;
      node = node[segment];
    } else {
      if (Array.isArray(node) || !Object.hasOwn(node, segment)) return void 0;
      node = node[segment];
    }
  }
  return node;
}
function hasAt(tree, path) {
  let node = tree;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return false;
    if (typeof segment === "number") {
      if (!Array.isArray(node) || segment >= node.length) return false;
      node = node[segment];
    } else {
      if (Array.isArray(node) || !Object.hasOwn(node, segment)) return false;
      node = node[segment];
    }
  }
  return true;
}
function valueType(value) {
  if (value === null || value === void 0) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "map";
  return "scalar";
}
function isMap(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function ownValue(map, key2) {
  return Object.hasOwn(map, key2) ? map[key2] : void 0;
}
function setOwn(map, key2, value) {
  if (key2 === "__proto__")
    Object.defineProperty(map, key2, { value, writable: true, enumerable: true, configurable: true });
  else map[key2] = value;
}
function mergeValueMaps(base, next) {
  const out = { ...base };
  for (const [key2, value] of Object.entries(next)) {
    const existing = ownValue(out, key2);
    setOwn(out, key2, isMap(value) && isMap(existing) ? mergeValueMaps(existing, value) : value);
  }
  return out;
}

// src/core/values/yaml-bounds.ts
var import_yaml = __toESM(require_dist(), 1);
var HELM_MAX_FILE_BYTES = 5 * 1024 * 1024;
var HELM_MAX_YAML_DEPTH = 1e4;
function depthMessage(maxDepth) {
  return maxDepth >= HELM_MAX_YAML_DEPTH ? `exceeded max depth of ${HELM_MAX_YAML_DEPTH}` : `nested deeper than ${maxDepth} levels, the most chart-guard reads`;
}
function* nodesInOrder(doc) {
  const stack = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!(0, import_yaml.isAlias)(node) && !(0, import_yaml.isScalar)(node) && !(0, import_yaml.isMap)(node) && !(0, import_yaml.isSeq)(node)) continue;
    yield node;
    if (!(0, import_yaml.isMap)(node) && !(0, import_yaml.isSeq)(node)) continue;
    const children = [];
    for (const item of node.items) {
      if ((0, import_yaml.isPair)(item)) children.push(item.key, item.value);
      else children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
function aliasTargets(doc) {
  const anchors = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  for (const node of nodesInOrder(doc)) {
    if ((0, import_yaml.isAlias)(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (node.anchor) {
      anchors.set(node.anchor, node);
    }
  }
  return targets;
}
function unresolvedAlias(doc, targets = aliasTargets(doc)) {
  for (const node of nodesInOrder(doc)) if ((0, import_yaml.isAlias)(node) && !targets.has(node)) return node;
  return void 0;
}
var RATIO_LOW = 4e5;
var RATIO_HIGH = 4e6;
function allowedAliasRatio(decodes) {
  if (decodes <= RATIO_LOW) return 0.99;
  if (decodes >= RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * (decodes - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW);
}
function checkYamlBounds(doc, lineCounter, targets = aliasTargets(doc), maxDepth = HELM_MAX_YAML_DEPTH) {
  const lineOf = (node) => node?.range && lineCounter ? lineCounter.linePos(node.range[0]).line : void 0;
  let decodes = 0;
  let aliased = 0;
  let aliasDepth = 0;
  const expanding = /* @__PURE__ */ new Set();
  let problem;
  const stack = [
    { node: doc.contents, depth: 0 }
  ];
  while (stack.length > 0 && !problem) {
    const frame = stack.pop();
    if ("leave" in frame) {
      expanding.delete(frame.leave);
      aliasDepth--;
      continue;
    }
    const { node, depth, through } = frame;
    if (node === null || node === void 0) continue;
    decodes++;
    if (aliasDepth > 0) aliased++;
    if (aliased > 100 && decodes > 1e3 && aliased / decodes > allowedAliasRatio(decodes)) {
      problem = { line: lineOf(through ?? node), message: "document contains excessive aliasing" };
      break;
    }
    if ((0, import_yaml.isAlias)(node)) {
      if (expanding.has(node)) {
        problem = { line: lineOf(node), message: `anchor '${node.source}' value contains itself` };
        break;
      }
      const target = targets.get(node);
      if (!target) continue;
      expanding.add(node);
      aliasDepth++;
      stack.push({ leave: node });
      stack.push({ node: target, depth, through: through ?? node });
      continue;
    }
    if (!(0, import_yaml.isMap)(node) && !(0, import_yaml.isSeq)(node)) continue;
    if (depth >= maxDepth) {
      problem = { line: lineOf(node), message: depthMessage(maxDepth) };
      break;
    }
    const items = node.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if ((0, import_yaml.isPair)(item)) {
        stack.push({ node: item.value, depth: depth + 1, through });
        stack.push({ node: item.key, depth: depth + 1, through });
      } else stack.push({ node: item, depth: depth + 1, through });
    }
  }
  return problem;
}
var ALIAS = /\*[^\s,[\]{}]/g;
var ALIAS_ANCHOR_OR_TAG = /[*&!][^\s,[\]{}]/g;
function mayHoldAliases(text) {
  return holdsNodeMark(text, ALIAS);
}
function mayHoldAliasesAnchorsOrTags(text) {
  return holdsNodeMark(text, ALIAS_ANCHOR_OR_TAG);
}
function holdsNodeMark(text, mark) {
  mark.lastIndex = 0;
  for (let match = mark.exec(text); match; match = mark.exec(text)) {
    const at = match.index;
    if (at === 0 || /[\s[{,:-]/.test(text[at - 1])) {
      const lineStart = text.lastIndexOf("\n", at) + 1;
      if (!/(?:^|\s)#/.test(text.slice(lineStart, at))) return true;
    }
    mark.lastIndex = at + 1;
  }
  return false;
}

// src/core/render/document-facts.ts
var WANTED = [
  ["apiVersion"],
  ["kind"],
  ["metadata", "name"],
  ["metadata", "namespace"],
  ["spec", "group"],
  ["spec", "names", "kind"],
  ["spec", "scope"]
];
var WALKED = new Set(WANTED.flatMap((path) => path.slice(0, -1).map((_, i) => path.slice(0, i + 1).join("\0"))));
var LEAVES = new Set(WANTED.map((path) => path.join("\0")));
var ENTRY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?:[ ]+(.*))?$/;
var NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
var PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;
function documentFacts(text) {
  if (mayHoldAliasesAnchorsOrTags(text) || text.includes("helm.sh/hook") || text.charCodeAt(0) === 65279)
    return void 0;
  const found = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  const stack = [];
  const open = /* @__PURE__ */ new Map();
  let blockIndent = -1;
  let leafIndent = -1;
  let specIndent = -1;
  const length = text.length;
  for (let start = 0; start < length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = length;
    let first = start;
    while (text.charCodeAt(first) === 32) first++;
    const indent = first - start;
    start = end + 1;
    const c = text.charCodeAt(first);
    if (first >= end || c === 35 || c === 13 && first === end - 1) continue;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (leafIndent >= 0 && indent > leafIndent) return void 0;
    leafIndent = -1;
    if (c === 9) return void 0;
    if (!closesOnItsLine(text, first, end)) return void 0;
    const blockOwner = blockScalarOwner(text, first, end);
    if (blockOwner >= 0) blockIndent = blockOwner;
    while (stack.length && stack[stack.length - 1][0] >= indent) stack.pop();
    const parent = stack.length ? stack[stack.length - 1][1] : "";
    if (complete(found, parent, seen)) {
      const rest2 = text.slice(lineStartOf(text, first) - 1);
      return onlyOnce(rest2, found, specIndent, seen.get("") ?? /* @__PURE__ */ new Set()) ? factsOf(found) : void 0;
    }
    if (stack.length && !WALKED.has(parent)) continue;
    if (parent === "spec" && specIndent < 0) specIndent = indent;
    const rest = text.slice(first, end).replace(/\r$/, "");
    if (rest.startsWith("- ")) {
      if (!open.get(parent)) return void 0;
      stack.push([indent, `${parent}\0-`]);
      continue;
    }
    const entry = ENTRY.exec(rest);
    if (!entry) return void 0;
    const [, key2, raw = ""] = entry;
    const keys = seen.get(parent) ?? /* @__PURE__ */ new Set();
    if (keys.has(key2)) return void 0;
    keys.add(key2);
    seen.set(parent, keys);
    const path = parent === "" ? key2 : `${parent}\0${key2}`;
    const value = raw.replace(/[ ]+#.*$/, "").trimEnd();
    open.set(parent, value === "");
    if (WALKED.has(path)) {
      if (value !== "") return void 0;
      stack.push([indent, path]);
      continue;
    }
    if (LEAVES.has(path)) {
      const scalar = scalarOf(value);
      if (scalar === void 0) return void 0;
      found.set(path, scalar);
      leafIndent = indent;
      continue;
    }
    stack.push([indent, path]);
  }
  return factsOf(found);
}
function crdFactsOf(object) {
  const spec = isMap(object.spec) ? object.spec : {};
  const names = isMap(spec.names) ? spec.names : {};
  const crd = { group: spec.group, kind: names.kind, scope: spec.scope };
  return Object.fromEntries(Object.entries(crd).filter(([, v]) => typeof v === "string"));
}
function crdDefines(m) {
  const { group, kind, scope } = m.facts?.crd ?? crdFactsOf(m.object);
  return group !== void 0 && kind !== void 0 ? { group, kind, scope } : void 0;
}
function complete(found, parent, seen) {
  if (!found.has("apiVersion") || !found.has("kind") || !found.has("metadata\0name")) return false;
  if (parent !== "" && !(parent === "spec" && seen.get("spec")?.has("names"))) return false;
  if (found.get("kind") !== "CustomResourceDefinition") return parent === "";
  return found.has("spec\0group") && found.has("spec\0names\0kind") && found.has("spec\0scope");
}
var TOP_LEVEL_KEY = /\n(?:["']?(apiVersion|kind|metadata|spec)["']?[ \t]*:|\?)/g;
function onlyOnce(rest, found, specIndent, topKeys) {
  const keys = new Set(topKeys);
  for (const [line, key2] of rest.matchAll(TOP_LEVEL_KEY)) {
    if (line === "\n?" || keys.has(key2)) return false;
    keys.add(key2);
  }
  if (found.get("kind") !== "CustomResourceDefinition") return true;
  return !new RegExp(`\\n {${specIndent}}["']?(?:group|names|scope)["']?[ \\t]*:`).test(rest);
}
function factsOf(found) {
  const apiVersion = found.get("apiVersion");
  const kind = found.get("kind");
  const name = found.get("metadata\0name");
  if (!apiVersion || !kind || !name || kind.endsWith("List")) return void 0;
  const namespace = found.get("metadata\0namespace");
  const facts = { apiVersion, kind, name, ...namespace !== void 0 ? { namespace } : {} };
  if (kind === "CustomResourceDefinition") {
    const crd = {
      group: found.get("spec\0group"),
      kind: found.get("spec\0names\0kind"),
      scope: found.get("spec\0scope")
    };
    facts.crd = Object.fromEntries(Object.entries(crd).filter(([, v]) => v !== void 0));
  }
  return facts;
}
function scalarOf(value) {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    const inner = value.slice(1, -1);
    return /^[^"\\]*$/.test(inner) ? inner : void 0;
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    const inner = value.slice(1, -1);
    return inner.includes("'") ? void 0 : inner;
  }
  return PLAIN.test(value) && !NOT_A_STRING.test(value) ? value : void 0;
}
function blockScalarOwner(text, first, end) {
  let last = end;
  while (last > first && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13)) last--;
  const tail = text.charCodeAt(last - 1);
  if (!(tail === 124 || tail === 62 || tail === 45 || tail === 43 || tail >= 48 && tail <= 57)) return -1;
  const line = text.slice(first, last);
  const header = /^((?:-[ ]+)*)(?:([^\s#][^#]*?):[ ]+)?[|>][0-9+-]*$/.exec(line);
  if (!header) return -1;
  const dashes = header[1].length;
  if (header[2] !== void 0) return first - lineStartOf(text, first) + dashes;
  return dashes === 0 ? -1 : first - lineStartOf(text, first) + dashes - 2;
}
function lineStartOf(text, at) {
  return text.lastIndexOf("\n", at - 1) + 1;
}
function closesOnItsLine(text, first, end) {
  let depth = 0;
  let atStart = true;
  for (let i = first; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && (i === first || text.charCodeAt(i - 1) === 32)) break;
    if ((c === 34 || c === 39) && atStart) {
      i = closingQuote(text, i, end);
      if (i < 0) return false;
      atStart = false;
    } else if ((c === 91 || c === 123) && atStart) depth++;
    else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
      atStart = false;
    } else if (c === 44 && depth > 0) atStart = true;
    else if (c === 32) {
      const before = text.charCodeAt(i - 1);
      atStart ||= before === 58 || before === 45 || before === 44 || before === 63;
    } else if (c !== 13) atStart = false;
  }
  return depth === 0;
}
function closingQuote(text, open, end) {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92) {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

// src/core/render/match.ts
var CLUSTER_SCOPED = {
  "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "admissionregistration.k8s.io": [
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding"
  ],
  "apiregistration.k8s.io": ["APIService"],
  "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR", "ClusterCIDR"],
  "scheduling.k8s.io": ["PriorityClass"],
  "node.k8s.io": ["RuntimeClass"],
  policy: ["PodSecurityPolicy"],
  extensions: ["PodSecurityPolicy"],
  "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
  "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
  "resource.k8s.io": ["DeviceClass", "ResourceSlice", "DeviceTaintRule"],
  "storagemigration.k8s.io": ["StorageVersionMigration"],
  "cert-manager.io": ["ClusterIssuer"]
};
function customScopes(...renders) {
  const scopes = /* @__PURE__ */ new Map();
  for (const render of renders) {
    for (const m of render?.manifests ?? []) {
      if (m.group !== "apiextensions.k8s.io" || m.ref.kind !== "CustomResourceDefinition") continue;
      const defined = crdDefines(m);
      if (defined)
        scopes.set(`${defined.group}/${defined.kind}`, defined.scope === "Cluster" ? "Cluster" : "Namespaced");
    }
  }
  return scopes;
}
function isClusterScoped(group, kind, scopes) {
  if (CLUSTER_SCOPED[group]?.includes(kind)) return true;
  return scopes?.get(`${group}/${kind}`) === "Cluster";
}
function objectNamespace(m, releaseNamespace, scopes) {
  if (isClusterScoped(m.group, m.ref.kind, scopes)) return void 0;
  return m.ref.namespace ?? releaseNamespace;
}
function effectiveRef(m, releaseNamespace, scopes) {
  const namespace = objectNamespace(m, releaseNamespace, scopes);
  return { apiVersion: m.ref.apiVersion, kind: m.ref.kind, ...namespace ? { namespace } : {}, name: m.ref.name };
}
function matchKey(m, releaseNamespace, scopes) {
  return `${m.group}/${m.ref.kind}/${objectNamespace(m, releaseNamespace, scopes) ?? ""}/${m.ref.name}`;
}
function isReleaseObject(m) {
  return !m.isHook && !m.fromCrdsDir;
}
function matchRenders(base, head, include = isReleaseObject) {
  const scopes = customScopes(base, head);
  const index = (render) => {
    const byKey = /* @__PURE__ */ new Map();
    for (const m of render.manifests) if (include(m)) byKey.set(matchKey(m, render.namespace, scopes), m);
    return byKey;
  };
  const baseByKey = index(base);
  const headByKey = index(head);
  const matched = [];
  const removed = [];
  for (const [key2, m] of baseByKey) {
    const other = headByKey.get(key2);
    if (other) matched.push({ base: m, head: other });
    else removed.push(m);
  }
  const added = [...headByKey].filter(([key2]) => !baseByKey.has(key2)).map(([, m]) => m);
  return { matched, removed, added, scopes };
}
function describe(m) {
  return `${m.ref.kind} ${m.ref.name}`;
}

// src/core/render/template-lines.ts
var TOP_KIND = /^kind:\s*["']?([A-Za-z0-9]+)["']?\s*(?:#.*)?$/;
var TOP_KEY = /^[A-Za-z_"']/;
var NAME = /^\s+name:\s*(.+?)\s*$/;
function templateObjects() {
  return /* @__PURE__ */ new WeakMap();
}
function declaredObjects(template, declared) {
  let objects = declared.get(template);
  if (objects) return objects;
  objects = [];
  const lines = template.content.split("\n");
  let current;
  let inMetadata = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (/^---/.test(line)) {
      current = void 0;
      inMetadata = false;
      return;
    }
    const kind = TOP_KIND.exec(line);
    if (kind) {
      current = { line: i + 1, kind: kind[1] };
      objects.push(current);
      inMetadata = false;
      return;
    }
    if (/^metadata:\s*$/.test(line)) {
      inMetadata = true;
      return;
    }
    if (TOP_KEY.test(line)) {
      inMetadata = false;
      return;
    }
    if (inMetadata && current && current.name === void 0) {
      const name = NAME.exec(line);
      if (name && leadingSpaces(line) <= 4) current.name = unquote(name[1]);
    }
  });
  declared.set(template, objects);
  return objects;
}
function leadingSpaces(line) {
  return line.length - line.trimStart().length;
}
function unquote(value) {
  const trimmed = value.replace(/\s+#.*$/, "");
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2] : trimmed;
}
function namePattern(written) {
  const parts = written.split(/\{\{.*?\}\}/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}
function templateLine(template, kind, name, declared = templateObjects()) {
  const ofKind = declaredObjects(template, declared).filter((o) => o.kind === kind);
  if (ofKind.length === 0) return void 0;
  const exact = ofKind.filter((o) => o.name === name);
  if (exact.length === 1) return exact[0].line;
  if (exact.length === 0) {
    const literal = (written) => written.replace(/\{\{.*?\}\}/g, "").length;
    const templated = ofKind.filter((o) => o.name?.includes("{{") && namePattern(o.name).test(name)).map((o) => ({ line: o.line, literal: literal(o.name) }));
    const best = Math.max(...templated.map((t) => t.literal));
    const winners = templated.filter((t) => t.literal === best);
    if (winners.length === 1) return winners[0].line;
  }
  return ofKind.length === 1 ? ofKind[0].line : void 0;
}

// src/core/render/rendered-sources.ts
function renderedPair(ctx) {
  const { base, head } = ctx.renders ?? {};
  if (base?.status !== "ok" || head?.status !== "ok") return void 0;
  return { base, head };
}
function renderedHead(ctx) {
  const head = ctx.renders?.head;
  return head?.status === "ok" ? head : void 0;
}
function chartFile(ctx, m, side) {
  if (!m.source) return void 0;
  const slash = m.source.indexOf("/");
  if (slash < 0) return void 0;
  const inChart = m.source.slice(slash + 1);
  const chart = side === "base" ? ctx.base : ctx.head;
  const dir = chart?.dir ?? (side === "base" ? ctx.change.base?.dir : ctx.change.head?.dir) ?? ctx.change.dir;
  const path = `${dir}/${inChart}`;
  const known = chart?.crds.find((crd) => crd.helmPaths.includes(inChart));
  return known?.file ?? path;
}
function chartLocation(ctx, m, side) {
  const file = chartFile(ctx, m, side);
  if (!file || !m.source) return file ? { file } : {};
  const inChart = m.source.slice(m.source.indexOf("/") + 1);
  const chart = side === "base" ? ctx.base : ctx.head;
  const text = [...chart?.templates ?? [], ...chart?.crds ?? []].find((t) => t.helmPaths.includes(inChart));
  const line = text ? templateLine(text, m.ref.kind, m.ref.name, ctx.templateObjects) : void 0;
  return line === void 0 ? { file } : { file, line };
}
function baseLocation(ctx, m) {
  const place = chartLocation(ctx, m, "base");
  return place.file ? { ...place, fileAtBase: true } : place;
}

// src/core/render/api-uses.ts
function apiUses(ctx, status) {
  const { kube } = ctx;
  if (!kube) return [];
  const ends = [
    { render: renderedHead(ctx), version: kube.max }
  ];
  const atMin = ctx.renders?.headAtMin;
  if (kube.min !== kube.max && atMin?.status === "ok") ends.push({ render: atMin, version: kube.min });
  const seen = /* @__PURE__ */ new Set();
  const uses = [];
  for (const { render, version } of ends) {
    if (!render) continue;
    const scopes = customScopes(render);
    for (const manifest of render.manifests) {
      const entry = apiVersionEntry(manifest.ref.apiVersion, manifest.ref.kind);
      if (!entry || apiStatusAt(entry, version) !== status) continue;
      const resource = effectiveRef(manifest, render.namespace, scopes);
      const id = `${resource.apiVersion}/${resource.kind}/${resource.namespace ?? ""}/${resource.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      uses.push({ manifest, entry, kube, resource, ...chartLocation(ctx, manifest, "head"), at: version });
    }
  }
  return uses;
}
function replacementAdvice(entry, kube) {
  const note = entry.note ? ` (${entry.note})` : "";
  if (!entry.replacement) return `There is no replacement${note}.`;
  const since = entry.replacementSince ? ` (served since ${entry.replacementSince})` : "";
  const gap = entry.replacementSince && !reachedBy(entry.replacementSince, kube.min) ? ` Your oldest cluster (${kube.min}) does not serve ${entry.replacement} yet: upgrade it first, or render per cluster version.` : "";
  return `Use ${entry.replacement}${since}${note}.${gap}`;
}

// src/core/rules/api-deprecated.ts
var apiDeprecated = {
  id: "api-deprecated",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "warning",
  description: "a rendered resource uses an apiVersion deprecated in the target Kubernetes version",
  check(ctx) {
    return apiUses(ctx, "deprecated").map(({ manifest: m, entry, kube, resource, file, line, at }) => {
      const removal = entry.removedIn ? `, and removed in ${entry.removedIn}` : "";
      const where = at !== kube.max ? ` (rendered for the oldest clusters, ${at})` : "";
      return {
        message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}${where}, deprecated since Kubernetes ${entry.deprecatedIn}${removal}.`,
        file,
        line,
        resource,
        path: "apiVersion",
        before: null,
        after: m.ref.apiVersion,
        remedy: replacementAdvice(entry, kube)
      };
    });
  }
};

// src/core/rules/api-removed.ts
var apiRemoved = {
  id: "api-removed",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "error",
  description: "a rendered resource uses an apiVersion removed in the target Kubernetes version",
  readiness: {},
  check(ctx) {
    return apiUses(ctx, "removed").map(({ manifest: m, entry, kube, resource, file, line, at }) => {
      const fleet = kube.min === kube.max ? `Kubernetes ${kube.max}` : at !== kube.max ? `Kubernetes ${at}, the oldest clusters (rendered for them)` : apiStatusAt(entry, kube.min) === "removed" ? `every cluster of ${kube.min}-${kube.max}` : `Kubernetes ${kube.max} (still served by ${kube.min})`;
      return {
        message: `${m.ref.kind} ${m.ref.name} uses ${m.ref.apiVersion}, removed in Kubernetes ${entry.removedIn}: ${fleet} refuses it.`,
        file,
        line,
        resource,
        path: "apiVersion",
        before: null,
        after: m.ref.apiVersion,
        remedy: `${replacementAdvice(entry, kube)} If the chart picks the apiVersion from .Capabilities, render with --kube-version ${at}; otherwise override the value that enables this template or upgrade the chart.`
      };
    });
  }
};

// src/core/rules/chart-deprecated.ts
var chartDeprecated = {
  id: "chart-deprecated",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { environment: false },
  severity: "warning",
  description: "the new Chart.yaml is marked deprecated",
  check({ head, base, change: change2 }) {
    if (!head?.metadata.deprecated) return [];
    const already = base?.metadata.deprecated ? " (it already was before this change)" : "";
    return [
      {
        message: `${change2.name} ${head.metadata.version ?? ""} is marked deprecated in its Chart.yaml${already}.`,
        file: head.chartYamlPath,
        remedy: "Plan a move to the chart that replaces it (see its README or Artifact Hub page); deprecated charts get no fixes."
      }
    ];
  }
};

// src/core/rules/chart-dir-missing.ts
var chartDirMissing = {
  id: "chart-dir-missing",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { environment: false },
  severity: "error",
  description: "the lockfile names a chart whose folder is not in the repository",
  check({ change: change2, head, headLockfile }) {
    const entry = change2.head;
    if (!entry || head) return [];
    return [
      {
        message: `The lockfile pins ${entry.name} ${entry.version} in ${entry.dir}, but that folder has no Chart.yaml.`,
        file: headLockfile?.path,
        line: entry.line,
        remedy: `Run helm-freeze sync and commit ${entry.dir}, or fix dest/dest_folder_override.`
      }
    ];
  }
};

// src/core/rules/chart-dir-orphan.ts
var chartDirOrphan = {
  id: "chart-dir-orphan",
  scope: "repo",
  modes: ["lint"],
  needs: {},
  severity: "warning",
  description: "a chart folder in a destination that no lockfile entry names",
  check({ head, files }) {
    if (!files) return [];
    const named = new Set(head.charts.map((c) => c.dir));
    const destinations = new Set(head.destinations.map((d) => d.repoPath));
    const orphans = /* @__PURE__ */ new Set();
    for (const file of files) {
      if (!file.endsWith("/Chart.yaml")) continue;
      const dir = file.slice(0, -"/Chart.yaml".length);
      const parent = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
      if (destinations.has(parent) && !named.has(dir)) orphans.add(dir);
    }
    return [...orphans].sort().map((dir) => ({
      message: `${dir} is a chart folder in a lockfile destination, but no entry of ${head.path} names it.`,
      file: `${dir}/Chart.yaml`,
      line: 1,
      remedy: `Add an entry for it to ${head.path}, or delete the folder.`
    }));
  }
};

// src/core/rules/chart-file-invalid.ts
var chartFileInvalid = {
  id: "chart-file-invalid",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { environment: false },
  severity: "error",
  description: "a file of the chart itself (Chart.yaml, values.yaml, values.schema.json, a subchart) cannot be read",
  // Only the new version counts: its files are what will be deployed.
  check({ head }) {
    return (head?.problems ?? []).map((p) => ({ message: p.message, file: p.file, line: p.line }));
  }
};

// src/core/rules/chart-locally-modified.ts
var stripV = (v) => v?.replace(/^v/, "");
var chartLocallyModified = {
  id: "chart-locally-modified",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { environment: false },
  severity: "notice",
  description: "a vendored chart folder differs from what the lockfile pins: a no_sync copy, or a hand edit sync will undo",
  check({ change: change2, head, headLockfile }) {
    const entry = change2.head;
    if (!entry || !head) return [];
    const findings = [];
    if (entry.noSync && head.metadata.version && stripV(head.metadata.version) !== stripV(entry.version)) {
      findings.push({
        message: `${entry.name} is no_sync (a locally modified copy): ${head.chartYamlPath} says version ${head.metadata.version}, the lockfile ${entry.version}.`,
        file: headLockfile?.path,
        line: entry.versionLine,
        before: entry.version,
        after: head.metadata.version
      });
    }
    if (change2.change === "modified" && !entry.noSync) {
      findings.push({
        severity: "warning",
        message: `Files in ${entry.dir} changed but ${entry.name} is still pinned at ${entry.version}: the next helm-freeze sync overwrites this edit.`,
        file: headLockfile?.path,
        line: entry.line,
        remedy: `Set no_sync: true on the ${entry.name} entry to keep a locally modified copy, or make the change upstream (or in override values) and re-sync.`
      });
    }
    return findings;
  }
};

// src/core/config/config-resolve.ts
function resolveEnvironments(config, kube) {
  const shared = {
    values: config.values,
    kube: kube ?? config.kubernetes,
    apiVersions: config.apiVersions,
    set: config.set,
    ...config.templates ? { templates: config.templates } : {}
  };
  if (config.environments.length === 0) return [shared];
  return config.environments.map((environment) => ({
    name: environment.name,
    values: [...shared.values, ...environment.values],
    kube: kube ?? environment.kubernetes ?? shared.kube,
    apiVersions: [.../* @__PURE__ */ new Set([...shared.apiVersions, ...environment.apiVersions])],
    set: mergeSetKeys(shared.set, environment.set),
    ...environment.templates ?? shared.templates ? { templates: environment.templates ?? shared.templates } : {},
    ...environment.charts ? { charts: environment.charts } : {},
    line: environment.line
  }));
}
function mergeSetKeys(...lists) {
  const byPath = /* @__PURE__ */ new Map();
  for (const list of lists) for (const key2 of list) byPath.set(JSON.stringify(key2.path), key2);
  return [...byPath.values()];
}
function emptyChartConfig() {
  return { values: [], set: [], rules: {} };
}
function normaliseChartKey(key2) {
  return key2.replace(/^\.\//, "").replace(/\/+$/, "");
}
function chartConfigFor(config, entry) {
  const byName = Object.hasOwn(config.charts, entry.name) ? config.charts[entry.name] : void 0;
  const byDir = entry.dir !== entry.name && Object.hasOwn(config.charts, entry.dir) ? config.charts[entry.dir] : void 0;
  if (!byName || !byDir) return byDir ?? byName ?? emptyChartConfig();
  return {
    values: [...byName.values, ...byDir.values],
    set: [...byName.set, ...byDir.set],
    releaseName: byDir.releaseName ?? byName.releaseName,
    namespace: byDir.namespace ?? byName.namespace,
    rules: { ...byName.rules, ...byDir.rules },
    ...byName.apiVersions || byDir.apiVersions ? { apiVersions: [.../* @__PURE__ */ new Set([...byName.apiVersions ?? [], ...byDir.apiVersions ?? []])] } : {},
    ...byDir.templates ?? byName.templates ? { templates: byDir.templates ?? byName.templates } : {},
    ...byDir.environments ?? byName.environments ? { environments: byDir.environments ?? byName.environments } : {},
    ...byDir.releases ?? byName.releases ? { releases: byDir.releases ?? byName.releases } : {},
    ...byDir.releaseFilter ?? byName.releaseFilter ? { releaseFilter: byDir.releaseFilter ?? byName.releaseFilter } : {}
  };
}
function environmentChartFor(environment, entry) {
  const charts = environment.charts ?? {};
  const byName = Object.hasOwn(charts, entry.name) ? charts[entry.name] : void 0;
  const byDir = entry.dir !== entry.name && Object.hasOwn(charts, entry.dir) ? charts[entry.dir] : void 0;
  if (!byName || !byDir) return byDir ?? byName;
  const pick = (key2) => byDir[key2] !== void 0 ? { [key2]: byDir[key2] } : byName[key2] !== void 0 ? { [key2]: byName[key2] } : {};
  return {
    ...pick("enabled"),
    ...pick("releaseName"),
    ...pick("namespace"),
    ...pick("values"),
    set: mergeSetKeys(byName.set, byDir.set)
  };
}
function runsIn(config, entry, environment) {
  if (environment.name === void 0) return true;
  const scope = chartConfigFor(config, entry).environments;
  if (scope && !scope.includes(environment.name)) return false;
  return environmentChartFor(environment, entry)?.enabled !== false;
}
function chartConfigIn(config, entry, environment) {
  const chart = chartConfigFor(config, entry);
  const own = environmentChartFor(environment, entry);
  if (!own) return chart;
  return {
    ...chart,
    set: mergeSetKeys(chart.set, own.set),
    ...own.releaseName !== void 0 ? { releaseName: own.releaseName } : {},
    ...own.namespace !== void 0 ? { namespace: own.namespace } : {}
  };
}

// src/core/rules/chart-runs-nowhere.ts
var chartRunsNowhere = {
  id: "chart-runs-nowhere",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "notice",
  description: "a chart of the lockfile runs in no environment of the config: it is never rendered or checked",
  runbook: ["not-deployed"],
  check({ config, head, base }) {
    if (config.environments.length === 0) return [];
    const file = config.path ?? ".github/chart-guard.yaml";
    const unchanged = (entry) => base?.charts.some((before) => before.dir === entry.dir && before.version === entry.version) ?? false;
    return head.charts.filter((entry) => !unchanged(entry)).filter((entry) => !config.environments.some((environment) => runsIn(config, entry, environment))).map((entry) => {
      const scope = chartConfigFor(config, entry).environments;
      const key2 = [entry.dir, entry.name].find((k) => config.charts[k]?.environments) ?? entry.name;
      const off = config.environments.filter((e) => environmentChartFor(e, entry)?.enabled === false);
      const why = [
        ...scope ? [`charts.${key2}.environments ${scope.length ? `is ${scope.join(", ")}` : "is empty"}`] : [],
        ...off.length ? [`enabled: false in ${off.map((e) => e.name).join(", ")}`] : []
      ].join("; ");
      const offKey = off.length ? [entry.dir, entry.name].find((k) => off[0].charts?.[k]) : void 0;
      const line = scope ? config.policyLines[`charts.${key2}.environments`] ?? config.charts[key2]?.line : config.policyLines[`environments.${off[0].name}.charts.${offKey}.enabled`] ?? off[0].charts?.[offKey]?.line;
      return {
        message: `${entry.name} runs in no environment (${why}): it is never rendered or checked.`,
        file,
        ...line !== void 0 ? { line } : {},
        remedy: `List the environments that deploy it in charts.${key2}.environments, or remove its entry from ${head.path} if no cluster runs it.`
      };
    });
  }
};

// src/core/rules/chart-version-mismatch.ts
var stripV2 = (v) => v?.replace(/^v/, "");
var GIT_SHA = /^[0-9a-f]{7,40}$/i;
var chartVersionMismatch = {
  id: "chart-version-mismatch",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { environment: false },
  severity: "error",
  description: "the folder's Chart.yaml version (or name) differs from the lockfile entry",
  check({ change: change2, head, headLockfile }) {
    const entry = change2.head;
    if (!entry || !head) return [];
    const findings = [];
    const where = { file: headLockfile?.path, line: entry.versionLine };
    const actual = head.metadata.version;
    const gitChart = entry.chartPath !== void 0 && GIT_SHA.test(entry.version);
    if (!gitChart && actual !== void 0 && stripV2(actual) !== stripV2(entry.version)) {
      if (!entry.noSync) {
        findings.push({
          ...where,
          message: `${head.chartYamlPath} says version ${actual} but the lockfile pins ${entry.version}: the folder was not re-synced.`,
          before: entry.version,
          after: actual,
          remedy: `Re-sync the chart folder (helm-freeze sync) so ${head.dir} holds ${entry.name} ${entry.version}, or fix the version in the lockfile.`
        });
      }
    }
    if (head.metadata.name !== void 0 && head.metadata.name !== entry.name && !entry.noSync) {
      findings.push({
        ...where,
        line: entry.line,
        message: `${head.chartYamlPath} names the chart "${head.metadata.name}" but the lockfile entry is "${entry.name}".`,
        remedy: "Point the entry at the right chart, or use dest_folder_override to choose a folder name."
      });
    }
    return findings;
  }
};

// src/core/rules/code-set-key-undeclared.ts
var codeSetKeyUndeclared = {
  id: "code-set-key-undeclared",
  scope: "chart",
  modes: ["lint"],
  needs: {},
  severity: "warning",
  description: "a key the config says is set from code is in neither the chart's defaults nor its override files",
  check({ codeSet, head, overrides }) {
    if (!head) return [];
    return codeSet.filter((key2) => !hasAt(head.defaults, key2.path) && !overrides.some((o) => hasAt(o.values, key2.path))).map((key2) => ({
      message: `${formatKeyPath(key2.path)} is set from code but declared in neither the chart's values.yaml nor its override files.`,
      file: key2.file,
      line: key2.line,
      path: formatKeyPath(key2.path),
      remedy: `Declare it with a placeholder value in the chart's override file (e.g. ${formatKeyPath(key2.path)}: "") so the repository shows every key that reaches the chart.`
    }));
  }
};

// src/core/rules/config-invalid.ts
var configInvalid = {
  id: "config-invalid",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "error",
  description: "the chart-guard configuration file has an error (unknown key, wrong type, unknown rule id)",
  check({ config }) {
    return config.problems.map((p) => ({ message: p.message, file: p.file, line: p.line }));
  },
  acceptable: false
};

// src/core/report/message.ts
function code(text) {
  if (text === "") return '`""`';
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const delimiter2 = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || /^ .*[^ ].* $/s.test(text) ? " " : "";
  return `${delimiter2}${pad}${text}${pad}${delimiter2}`;
}

// src/core/render/document-identity.ts
import { createHash as createHash2 } from "node:crypto";
var DocumentMemo = class {
  /**
   * @param lazy read documents by their facts and parse them when read (manifests.ts, LazyManifest): for a chart
   * rendered more than once (base and head), where most documents are printed alike.
   */
  constructor(lazy = false) {
    this.lazy = lazy;
  }
  lazy;
  #parsed = /* @__PURE__ */ new Map();
  #facts = /* @__PURE__ */ new Map();
  #hits = 0;
  /** Renders settleManifests has checked: a document unique to one of them stays unique as renders join. */
  settled = /* @__PURE__ */ new WeakSet();
  /**
   * The parsed values of `text` read under `source`: `parse` runs for the first render that printed it; later ones
   * get the same values (the same objects) and the same problems. `key`: the text's digest, when the caller has it.
   */
  values(text, source, problems, parse2, key2 = documentDigest(text, source)) {
    let parsed = this.#parsed.get(key2);
    if (parsed) this.#hits++;
    else {
      const own = [];
      parsed = { values: parse2(own), problems: own };
      this.#parsed.set(key2, parsed);
    }
    problems.push(...parsed.problems);
    return parsed.values;
  }
  /** The facts of a text by its digest (document-facts.ts), read once: undefined when the text must be parsed. */
  facts(digest, read) {
    if (!this.#facts.has(digest)) this.#facts.set(digest, read());
    return this.#facts.get(digest);
  }
  /** Distinct documents parsed (for tests and the bench). */
  get parses() {
    return this.#parsed.size;
  }
  /** Documents read from the memo instead of parsed (for tests and the bench). */
  get hits() {
    return this.#hits;
  }
};
function documentDigest(text, source) {
  return createHash2("sha256").update(source ?? "").update("\0").update(text).digest("base64");
}
function printedAlike(a, b) {
  return a.digest !== void 0 && a.digest === b.digest || a.object === b.object;
}

// src/core/render/normalise.ts
var ATOMIC_KEYS = /* @__PURE__ */ new Set(["labels", "annotations", "matchLabels", "nodeSelector"]);
var QUANTITY_MAPS = /* @__PURE__ */ new Set(["requests", "limits", "capacity", "hard"]);
function isEmptyValue(value) {
  if (value === void 0 || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isMap(value)) return Object.keys(value).length === 0;
  return false;
}
function semanticEqual(a, b) {
  if (a === b && typeof a === "object") return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => semanticEqual(item, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const keys = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key2 of keys) if (!semanticEqual(ownValue(a, key2), ownValue(b, key2))) return false;
    return true;
  }
  return a === b;
}
var QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
var SUFFIX = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
};
function parseQuantity(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : void 0;
  if (typeof value !== "string") return void 0;
  const match = QUANTITY.exec(value.trim());
  if (!match) return void 0;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  return match[3] ? base * SUFFIX[match[3]] : base;
}
function canonicalQuantities(value, inQuantityMap = false) {
  if (Array.isArray(value)) return value.map((item) => canonicalQuantities(item));
  if (isMap(value)) {
    const out = {};
    for (const [key2, child] of Object.entries(value))
      setOwn(out, key2, canonicalQuantities(child, inQuantityMap || QUANTITY_MAPS.has(key2)));
    return out;
  }
  const quantity = inQuantityMap ? parseQuantity(value) : void 0;
  return quantity === void 0 ? value : `quantity:${quantity}`;
}
function clone(value) {
  return value === void 0 ? value : structuredClone(value);
}
function dropDefault(tree, path, fallback) {
  const parent = getAt(tree, path.slice(0, -1));
  const key2 = path[path.length - 1];
  if (isMap(parent) && typeof key2 === "string" && semanticEqual(ownValue(parent, key2), fallback)) delete parent[key2];
}
function locateDifference(a, b, prefix = []) {
  const leaves = [];
  collectLeaves(a, b, prefix, leaves);
  if (leaves.length === 0) return void 0;
  let common = leaves[0];
  for (const leafPath of leaves.slice(1)) {
    let i = 0;
    while (i < common.length && i < leafPath.length && common[i] === leafPath[i]) i++;
    common = common.slice(0, i);
  }
  return { path: common.length < prefix.length ? prefix : common, leaves };
}
function collectLeaves(a, b, path, out) {
  if (semanticEqual(a, b)) return;
  const last = path[path.length - 1];
  const atomic = typeof last === "string" && ATOMIC_KEYS.has(last);
  if (!atomic && isMap(a) && isMap(b)) {
    for (const key2 of /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]))
      collectLeaves(ownValue(a, key2), ownValue(b, key2), [...path, key2], out);
    return;
  }
  if (!atomic && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) collectLeaves(a[i], b[i], [...path, i], out);
    return;
  }
  out.push(path);
}
function reportValue(value) {
  return value === void 0 ? null : clone(value);
}

// src/core/rules/analysis/crds.ts
function isCrd(m) {
  return m.group === "apiextensions.k8s.io" && m.ref.kind === "CustomResourceDefinition";
}
function crdLocation(m) {
  if (m.fromCrdsDir) return "crds";
  return m.isHook ? "hook" : "templates";
}
function crdsByName(render) {
  const crds = /* @__PURE__ */ new Map();
  for (const m of render.manifests) if (isCrd(m)) crds.set(m.ref.name, m);
  return crds;
}
function pairedCrds(base, head) {
  const after = crdsByName(head);
  return [...crdsByName(base)].flatMap(([name, before]) => {
    const now = after.get(name);
    return now ? [{ name, base: before, head: now }] : [];
  });
}
function crdVersions(m) {
  const spec = isMap(m.object.spec) ? m.object.spec : {};
  const topSchema = getAt(spec, ["validation", "openAPIV3Schema"]);
  const topColumns = spec.additionalPrinterColumns;
  const columnNames = (columns) => Array.isArray(columns) ? columns.map((c) => getAt(c, ["name"])).filter((n) => typeof n === "string") : [];
  if (Array.isArray(spec.versions) && spec.versions.length > 0) {
    return spec.versions.filter(isMap).map((v) => ({
      name: String(v.name),
      served: v.served !== false,
      storage: v.storage === true,
      schema: getAt(v, ["schema", "openAPIV3Schema"]) ?? topSchema,
      printerColumns: columnNames(v.additionalPrinterColumns ?? topColumns)
    }));
  }
  if (typeof spec.version === "string") {
    return [
      { name: spec.version, served: true, storage: true, schema: topSchema, printerColumns: columnNames(topColumns) }
    ];
  }
  return [];
}
function storageVersion(m) {
  return crdVersions(m).find((v) => v.storage)?.name;
}
function summariseCrd(m) {
  const versions = crdVersions(m);
  return {
    versions: versions.map((v) => v.name),
    storageVersion: storageVersion(m) ?? null,
    printerColumns: [...new Set(versions.flatMap((v) => v.printerColumns))]
  };
}
function schemaFields(schema, prefix = "", out = /* @__PURE__ */ new Map(), depth = 0) {
  if (!isMap(schema) || depth > 32) return out;
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  if (isMap(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.set(path, required.includes(name));
      schemaFields(child, path, out, depth + 1);
    }
  }
  if (isMap(schema.items)) schemaFields(schema.items, `${prefix}[]`, out, depth + 1);
  if (isMap(schema.additionalProperties)) schemaFields(schema.additionalProperties, `${prefix}.*`, out, depth + 1);
  return out;
}
function topLevel(paths) {
  const set = new Set(paths);
  return paths.filter((p) => {
    for (let cut = p.search(/[.[][^.[]*$/); cut > 0; cut = p.slice(0, cut).search(/[.[][^.[]*$/)) {
      if (set.has(p.slice(0, cut))) return false;
    }
    return true;
  });
}
function compareSchemaFields(version, before, after) {
  const old = schemaFields(before);
  const now = schemaFields(after);
  return {
    version,
    added: topLevel([...now.keys()].filter((k) => !old.has(k))),
    removed: topLevel([...old.keys()].filter((k) => !now.has(k))),
    required: [...now].filter(([k, req]) => req && old.get(k) !== true).map(([k]) => k)
  };
}
function noChange() {
  return {
    versionsAdded: [],
    versionsRemoved: [],
    storageChanged: false,
    schemaChanged: [],
    schemaFields: [],
    printerColumnsAdded: [],
    printerColumnsRemoved: [],
    otherChanges: []
  };
}
var VERSION_FIELDS = /* @__PURE__ */ new Set(["versions", "version", "validation", "additionalPrinterColumns"]);
function compareCrds(base, head) {
  if (printedAlike(base, head)) return noChange();
  const before = crdVersions(base);
  const after = crdVersions(head);
  const names = (list) => list.map((v) => v.name);
  const columnsBefore = summariseCrd(base).printerColumns;
  const columnsAfter = summariseCrd(head).printerColumns;
  const otherChanges = [];
  const specBefore = isMap(base.object.spec) ? base.object.spec : {};
  const specAfter = isMap(head.object.spec) ? head.object.spec : {};
  for (const key2 of /* @__PURE__ */ new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])) {
    if (!VERSION_FIELDS.has(key2) && !semanticEqual(ownValue(specBefore, key2), ownValue(specAfter, key2)))
      otherChanges.push(`spec.${key2}`);
  }
  for (const v of before) {
    const other = after.find((a) => a.name === v.name);
    if (other && other.served !== v.served) otherChanges.push(`${v.name} served: ${v.served} -> ${other.served}`);
  }
  const schemaChanged = before.filter((v) => {
    const other = after.find((a) => a.name === v.name);
    return other !== void 0 && locateDifference(v.schema, other.schema) !== void 0;
  }).map((v) => v.name);
  return {
    versionsAdded: names(after).filter((n) => !names(before).includes(n)),
    versionsRemoved: names(before).filter((n) => !names(after).includes(n)),
    storageChanged: storageVersion(base) !== storageVersion(head),
    schemaChanged,
    schemaFields: schemaChanged.map(
      (name) => compareSchemaFields(
        name,
        before.find((v) => v.name === name)?.schema,
        after.find((v) => v.name === name)?.schema
      )
    ),
    printerColumnsAdded: columnsAfter.filter((c) => !columnsBefore.includes(c)),
    printerColumnsRemoved: columnsBefore.filter((c) => !columnsAfter.includes(c)),
    otherChanges
  };
}
function crdSpecEqual(base, head) {
  return printedAlike(base, head) || semanticEqual(base.object.spec, head.object.spec);
}
function crdApplyCommand(file) {
  const hash = file.indexOf(".tgz#");
  if (hash < 0) return `kubectl apply --server-side --force-conflicts -f ${shellWord(file)}`;
  const archive = file.slice(0, hash + 4);
  const inner = file.slice(hash + 5);
  return `tar -xzOf ${shellWord(archive)} ${shellWord(inner)} | kubectl apply --server-side --force-conflicts -f -`;
}
function crdApplyCommands(files) {
  const plain = files.filter((file) => !file.includes(".tgz#"));
  const packed = files.filter((file) => file.includes(".tgz#")).map(crdApplyCommand);
  if (plain.length <= 1) return [...plain.map(crdApplyCommand), ...packed];
  return [
    `kubectl apply --server-side --force-conflicts ${plain.map((file) => `-f ${shellWord(file)}`).join(" ")}`,
    ...packed
  ];
}
function shellWord(word) {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// src/core/rules/analysis/kubectl-words.ts
var DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function isObjectName(name) {
  return name.length <= 253 && DNS_1123_SUBDOMAIN.test(name);
}
function kubectlObject(resource, name) {
  return isObjectName(name) && isObjectName(resource) ? `${resource} ${name}` : shellWord(`${resource}/${name}`);
}
function kubectlSlashObject(resource, name) {
  return shellWord(`${resource}/${name}`);
}
function namespaceFlag(namespace) {
  return namespace ? ` -n ${shellWord(namespace)}` : "";
}
function selectorWord(selector2) {
  return `'${selector2.replace(/'/g, `'\\''`)}'`;
}
function kubectlObjects(resource, names) {
  if (names.every(isObjectName) && isObjectName(resource)) return `${resource} ${names.join(" ")}`;
  return names.map((name) => kubectlSlashObject(resource, name)).join(" ");
}
function labelSelectorWord(selector2) {
  return /^[A-Za-z0-9_./=,-]+$/.test(selector2) ? selector2 : selectorWord(selector2);
}

// src/core/rules/analysis/remedy-words.ts
function kubectlTarget(m, render, scopes) {
  const namespace = objectNamespace(m, render.namespace, scopes);
  const resource = m.group === "" || m.group === "apps" || m.group === "batch" ? m.ref.kind.toLowerCase() : `${m.ref.kind.toLowerCase()}.${m.group}`;
  return `${kubectlObject(resource, m.ref.name)}${namespaceFlag(namespace)}`;
}
function joinWords(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function inlineValue(value) {
  if (value === null || value === void 0) return "nothing";
  if (typeof value === "string") return value.length <= 80 ? `"${value}"` : void 0;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function claimsPhrase(claims) {
  return `${claims.length === 1 ? "PVC" : "PVCs"} ${joinWords(claims)}`;
}

// src/core/rules/crd-changed.ts
var crdChanged = {
  id: "crd-changed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "warning",
  description: "a CRD in the chart's crds/ folder changed: Helm will not upgrade it",
  check(ctx) {
    const steps = crdSteps(ctx);
    return steps.length > 1 ? [chartFinding(steps)] : steps.map((s) => s.draft);
  },
  change: "crd-versions-and-schema",
  runbook: ["apply-crd"],
  appliedCrds: crdNames,
  ownedCrds
};
function crdNames(finding) {
  const listed = finding.after?.crds;
  if (Array.isArray(listed)) return listed.map((c) => c?.name).filter((n) => typeof n === "string");
  return finding.resource ? [finding.resource.name] : [];
}
function ownedCrds(...[finding, owners, chart]) {
  const steps = stepsOf(finding);
  if (!steps?.some((s) => owners.has(s.name))) return [finding];
  const { message: _m, remedy: _r, file: _f, line: _l, resource: _res, before: _b, after: _a, ...kept } = finding;
  const left = steps.filter((s) => !owners.has(s.name));
  const byOwner = /* @__PURE__ */ new Map();
  for (const s of steps.filter((s2) => owners.has(s2.name))) {
    const owner = owners.get(s.name).chart;
    byOwner.set(owner, [...byOwner.get(owner) ?? [], s]);
  }
  return [
    ...left.length ? [{ ...kept, ...left.length > 1 ? chartFinding(left) : left[0].draft }] : [],
    ...[...byOwner.values()].map((owned) => ({ ...kept, ...ownedFinding(owned, owners.get(owned[0].name), chart) }))
  ];
}
function stepsOf(finding) {
  const listed = finding.after?.crds;
  if (Array.isArray(listed)) {
    return listed.map((c) => {
      const file2 = c.file.startsWith("<chart dir>/") ? void 0 : c.file;
      const isNew2 = c.before === null;
      return stepOf({ ...c, isNew: isNew2, place: { file: file2, path: "spec" } });
    });
  }
  if (!finding.resource) return void 0;
  const { file, resource, before, after } = finding;
  const isNew = before === null;
  const said = whatChanged({ name: resource.name, isNew, change: "" });
  const change2 = isNew ? newChange(after) : finding.message.slice(said.length - 1, finding.message.indexOf("): Helm never"));
  const applied = file ?? "<chart dir>/crds/";
  return [
    { ...stepOf({ name: resource.name, isNew, change: change2, file: applied, place: {}, before, after }), draft: finding }
  ];
}
function ownedFinding(steps, owner, chart) {
  const one = steps.length === 1;
  const names = joinWords(steps.map((s) => s.name));
  const what = one ? whatChanged(steps[0], chart.name) : `CRDs ${names} changed in ${chart.name}'s crds/ (${steps.map((s) => `${s.name}: ${s.change}`).join("; ")})`;
  const its = one ? "it" : "them";
  const owns = `release ${owner.release} owns ${its} (it renders ${its} as template${one ? "" : "s"}), and ${chart.name}'s crds/ copy is only installed where the CRD is missing`;
  const { file, line, resource } = steps[0].draft;
  const crds = steps.map((s) => ({ name: s.name, file: s.file, change: s.change, before: s.before, after: s.after }));
  const common = {
    file,
    line,
    ...one && resource ? { resource } : {},
    path: "spec",
    after: { crds, owner: owner.chart }
  };
  const copy = `do not apply ${chart.name}'s crds/ copy over the object of release ${owner.release}`;
  if (owner.from !== owner.to) {
    return {
      ...common,
      severity: "notice",
      message: `${what}, but ${owns}: the upgrade of ${owner.chart} (${owner.from ?? "new"} → ${owner.to}, in this change) brings its own definition, before ${chart.name} is upgraded.`,
      remedy: `Upgrade ${owner.chart} first (its own findings say what its definition changes), then ${chart.name}; ${copy}.`
    };
  }
  return {
    ...common,
    message: `${what}, but ${owns}, and ${owner.chart} stays at ${owner.to} in this change: the cluster keeps the definition of ${owner.chart} ${owner.to}.`,
    remedy: `Upgrade ${owner.chart} first, to a version whose templates carry the definition ${chart.name} ${chart.to ?? ""} ships (${names}); ${copy}.`
  };
}
function crdSteps(ctx) {
  const renders = renderedPair(ctx);
  if (!renders) return [];
  const before = crdsByName(renders.base);
  const steps = [];
  for (const [name, head] of crdsByName(renders.head)) {
    if (!head.fromCrdsDir) continue;
    const base = before.get(name);
    if (base && (!base.fromCrdsDir || crdSpecEqual(base, head))) continue;
    const { file, line } = chartLocation(ctx, head, "head");
    const applied = file ?? `<chart dir>/${head.source ?? "crds/"}`;
    const place = { file, line, resource: effectiveRef(head, renders.head.namespace), path: "spec" };
    if (!base) {
      const after = summariseCrd(head);
      steps.push(stepOf({ name, isNew: true, change: newChange(after), file: applied, place, before: null, after }));
      continue;
    }
    const c = compareCrds(base, head);
    steps.push(
      stepOf({
        name,
        isNew: false,
        change: changeSummary(c, base, head),
        file: applied,
        place,
        before: { ...summariseCrd(base), schemaChanged: c.schemaChanged.length > 0 },
        // the schema's field changes per version, for the outputs to say in words
        after: { ...summariseCrd(head), schemaChanged: c.schemaChanged.length > 0, schemaFields: c.schemaFields }
      })
    );
  }
  return steps;
}
function stepOf(facts) {
  const { place, ...step } = facts;
  const apply = code(crdApplyCommand(step.file));
  const draft = step.isNew ? {
    message: `${whatChanged(step)}: \`helm upgrade\` does not install it (crds/ is only read on first install), so resources of its kinds fail until it is applied.`,
    ...place,
    before: null,
    after: step.after,
    remedy: `Apply it before upgrading: ${apply}.`
  } : {
    message: `${whatChanged(step)}: Helm never upgrades CRDs in crds/, so the cluster keeps the old definition.`,
    ...place,
    before: step.before,
    after: step.after,
    remedy: `Apply the new definition before upgrading: ${apply}.`
  };
  return { ...step, draft };
}
function newChange({ versions, storageVersion: storageVersion2 }) {
  return `new, serving ${joinWords(versions)} (storage version ${storageVersion2})`;
}
function whatChanged(step, chart) {
  const where = chart ? `${chart}'s crds/` : "crds/";
  return step.isNew ? `CRD ${step.name} is new in ${where}` : `CRD ${step.name} changed in ${where} (${step.change})`;
}
function changeSummary(c, base, head) {
  const summary = [
    c.versionsAdded.length ? `versions added: ${joinWords(c.versionsAdded)}` : "",
    c.versionsRemoved.length ? `versions removed: ${joinWords(c.versionsRemoved)}` : "",
    c.storageChanged ? `storage version ${summariseCrd(base).storageVersion} -> ${summariseCrd(head).storageVersion}` : "",
    c.schemaChanged.length ? `schema of ${joinWords(c.schemaChanged)} changed` : "",
    c.printerColumnsAdded.length ? `printer columns added: ${joinWords(c.printerColumnsAdded)}` : "",
    c.printerColumnsRemoved.length ? `printer columns removed: ${joinWords(c.printerColumnsRemoved)}` : "",
    c.otherChanges.length ? `${joinWords(c.otherChanges)} changed` : ""
  ].filter(Boolean);
  return summary.length ? summary.join("; ") : "definition changed";
}
function chartFinding(steps) {
  const names = joinWords(steps.map((s) => s.name));
  const added = steps.filter((s) => s.isNew).length;
  const changed = steps.length - added;
  const message = added === 0 ? `${changed} CRDs changed in crds/ (${names}): Helm never upgrades CRDs in crds/, so the cluster keeps the old definitions.` : changed === 0 ? `${added} CRDs are new in crds/ (${names}): \`helm upgrade\` does not install them (crds/ is only read on first install), so resources of their kinds fail until they are applied.` : `${changed} CRD${changed > 1 ? "s" : ""} changed and ${added} ${added > 1 ? "are" : "is"} new in crds/ (${names}): crds/ is only read on first install, so the cluster keeps the old definitions and lacks the new ones.`;
  const commands = crdApplyCommands(steps.map((s) => s.file)).map(code);
  const { file, line } = steps[0].draft;
  return {
    message,
    file,
    line,
    path: "spec",
    // each CRD as its own finding would say it: its file, what changed, its definition before (null: new) and after
    after: {
      crds: steps.map((s) => ({
        name: s.name,
        file: s.file,
        change: s.change,
        before: s.draft.before,
        after: s.draft.after
      }))
    },
    remedy: `Apply the new definitions before upgrading: ${joinWords(commands)}.`
  };
}

// src/core/rules/analysis/helm-upgrade-command.ts
function helmUpgradeCommand(upgrade) {
  const { release, namespace, chart, files, codeSet, install } = upgrade;
  const overrides = files.map((file) => ` -f ${shellWord(file)}`).join("");
  const sets = codeSet.map(setFlag).join("");
  return `helm ${install ? "upgrade --install" : "upgrade"} ${release} ${shellWord(chart)} --namespace ${namespace}${overrides}${sets}`;
}
var TEMPLATED_UPGRADE = "the chart's helm upgrade with the rendered copies of its templated override files (see the runbook: --format plan)";
function remedyUpgrade(ctx, render) {
  if (ctx.overrides.some(isTemplated)) return TEMPLATED_UPGRADE;
  const command = helmUpgradeCommand({
    release: render.releaseName,
    namespace: render.namespace,
    chart: ctx.change.dir,
    files: ctx.overrides.map((file) => file.path),
    codeSet: environmentCodeSet(ctx),
    install: ctx.change.change === "added"
  });
  return `\`${command}\``;
}
function isTemplated(file) {
  return file.renderedWith !== void 0 || file.skipped.length > 0 || (file.notTaken?.length ?? 0) > 0 || /\{\{|\{%/.test(JSON.stringify(file.values));
}
function setFlag(key2) {
  const json = key2.example !== null && typeof key2.example === "object";
  return ` --set${json ? "-json" : ""} "${key2.path.replace(/["\\$`]/g, "\\$&")}=\${${envName(key2.path)}}"`;
}
function environmentCodeSet(ctx) {
  const environment = resolveEnvironments(ctx.config).find((e) => e.name === ctx.environment);
  return codeSetKeys(environment?.set ?? [], ctx.codeSet);
}
function codeSetKeys(environment, chart) {
  const keys = /* @__PURE__ */ new Map();
  for (const key2 of environment)
    keys.set(formatKeyPath(key2.path), { path: formatKeyPath(key2.path), example: key2.example });
  for (const key2 of chart) {
    const path = formatKeyPath(key2.path);
    keys.set(path, { path, example: key2.value ?? keys.get(path)?.example });
  }
  return [...keys.values()];
}
function envName(path) {
  const name = path.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name || "VALUE";
}

// src/core/rules/crd-moved.ts
var crdMoved = {
  id: "crd-moved",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "error",
  description: "a CRD moves between templates/ and crds/: Helm deletes it, or cannot adopt it",
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const findings = [];
    for (const { name, base, head } of pairedCrds(renders.base, renders.head)) {
      const from = crdLocation(base);
      const to = crdLocation(head);
      if (!(from === "templates" && to === "crds" || from === "crds" && to === "templates")) continue;
      const target = kubectlObject("customresourcedefinition", name);
      const common = {
        ...chartLocation(ctx, head, "head"),
        resource: effectiveRef(head, renders.head.namespace),
        before: base.source ?? from,
        after: head.source ?? to
      };
      if (from === "templates" && to === "crds") {
        findings.push({
          ...common,
          message: `${intoCrds(name)}: \`helm upgrade\` deletes it as a resource that left the release, and every custom resource of that type with it.`,
          remedy: `Before upgrading, tell Helm to keep it: \`kubectl annotate ${target} helm.sh/resource-policy=keep\`. From then on apply CRD updates by hand (\`kubectl apply --server-side --force-conflicts -f ${shellWord(common.file ?? "")}\`).`
        });
      } else if (from === "crds" && to === "templates") {
        const { releaseName, namespace } = renders.head;
        findings.push({
          ...common,
          severity: "warning",
          message: `CRD ${name} moves from crds/ to templates/: Helm now manages it, but the CRD already in the cluster has no Helm ownership metadata, so \`helm upgrade\` fails with "invalid ownership metadata".`,
          remedy: `Let the release adopt it before upgrading: \`kubectl label ${target} app.kubernetes.io/managed-by=Helm\` and \`kubectl annotate ${target} ${shellWord(`meta.helm.sh/release-name=${releaseName}`)} ${shellWord(`meta.helm.sh/release-namespace=${namespace}`)}\`, then ${remedyUpgrade(ctx, renders.head)}. From then on Helm upgrades it, and deletes it (with all its custom resources) on uninstall.`
        });
      }
    }
    return findings;
  },
  ownedCrds: ownedCrds2
};
function intoCrds(name) {
  return `CRD ${name} moves from templates/ to crds/`;
}
function ownedCrds2(...[finding, owners, chart]) {
  const name = finding.resource?.name;
  const owner = name === void 0 ? void 0 : owners.get(name);
  if (!name || !owner || !finding.message.startsWith(`${intoCrds(name)}:`)) return [finding];
  const target = kubectlObject("customresourcedefinition", name);
  const metadata = [`meta.helm.sh/release-name=${owner.release}`, `meta.helm.sh/release-namespace=${owner.namespace}`];
  return [
    {
      ...finding,
      remedy: `Before upgrading ${owner.chart} (upgraded first: it renders the CRD as a template and owns it from then on), tell Helm to keep it when ${chart.name} lets it go: \`kubectl annotate ${target} helm.sh/resource-policy=keep\`, and hand it to release ${owner.release}: \`kubectl annotate ${target} --overwrite ${metadata.map(shellWord).join(" ")}\`. From then on ${owner.chart}'s upgrades update it; do not apply ${chart.name}'s crds/ copy over it.`
    }
  ];
}

// src/core/rules/crd-version-removed.ts
var crdVersionRemoved = {
  id: "crd-version-removed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "error",
  description: "a CRD drops a version that may still be stored",
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const findings = [];
    for (const { name, base, head } of pairedCrds(renders.base, renders.head)) {
      if (printedAlike(base, head)) continue;
      const versionsBefore = crdVersions(base).map((v) => v.name);
      const versionsAfter = crdVersions(head).map((v) => v.name);
      const newStorage = storageVersion(head) ?? versionsAfter[0];
      const plural = getAt(head.object, ["spec", "names", "plural"]);
      const group = getAt(head.object, ["spec", "group"]);
      const apply = head.fromCrdsDir ? `\`${crdApplyCommand(chartFile(ctx, head, "head") ?? `<chart dir>/${head.source ?? "crds/"}`)}\`` : remedyUpgrade(ctx, renders.head);
      for (const removed of versionsBefore.filter((v) => !versionsAfter.includes(v))) {
        const wasStorage = storageVersion(base) === removed;
        findings.push({
          message: `CRD ${name} drops version ${removed}${wasStorage ? ", its storage version until now" : ""}: while objects may still be stored as ${removed} (status.storedVersions), the API server refuses the new definition.`,
          ...chartLocation(ctx, head, "head"),
          resource: effectiveRef(head, renders.head.namespace),
          path: "spec.versions",
          before: versionsBefore,
          after: versionsAfter,
          remedy: `Migrate storage first: with a release that still serves both versions, re-write every object in ${newStorage} (\`kubectl get ${shellWord(`${plural}.${group}`)} -A -o json | kubectl replace -f -\`), then drop ${removed} from the stored versions (\`kubectl patch ${kubectlObject("customresourcedefinition", name)} --subresource=status --type=merge -p '{"status":{"storedVersions":["${newStorage}"]}}'\`), and only then ${apply}.`
        });
      }
    }
    return findings;
  },
  change: "served-versions",
  runbook: ["migrate-stored-objects", "apply-crd"],
  ownedCrds(finding, owners) {
    const copy = finding.resource && owners.has(finding.resource.name) && CRDS_FILE.test(finding.file ?? "");
    return copy ? [] : [finding];
  }
};
var CRDS_FILE = /(^|[/#])crds\//;

// src/core/redact/credentials.ts
var REDACTED = "<redacted>";
var DEFAULT_REDACT_CONFIG = { keys: [], replace: false };
var CREDENTIAL_NOUNS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "passcode",
  "pin",
  "secret",
  "token",
  "credential",
  "credentials",
  "auth",
  "cert",
  "certificate",
  "crt",
  "private",
  "salt",
  "dsn",
  "jwt",
  "kubeconfig"
]);
var CREDENTIAL_ENDINGS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "accesskey",
  "secretkey",
  "privatekey",
  "credentials",
  "connectionstring"
];
var VALUE_SUFFIXES = /* @__PURE__ */ new Set([
  "data",
  "value",
  "b64",
  "base64",
  "pem",
  "der",
  "json",
  "yaml",
  "string",
  "str",
  "content",
  "contents",
  "raw",
  "plain",
  "plaintext",
  "hash",
  "hashed",
  "encoded",
  "encrypted",
  "text",
  "txt"
]);
var KEY_QUALIFIERS_NOT_SECRET = /* @__PURE__ */ new Set([
  "topology",
  "selector",
  "label",
  "annotation",
  "toleration",
  "taint",
  "ref",
  "expression",
  "field",
  "item",
  "sort",
  "partition",
  "routing",
  "primary",
  "foreign",
  "unique",
  "hash",
  "cache",
  "lookup",
  "index",
  "match",
  "object",
  "group",
  "node",
  "env",
  "config",
  "map",
  "header",
  "query",
  "metric",
  "dimension",
  "tag",
  "attribute",
  "prefix",
  "suffix",
  "path",
  "bucket",
  "shard",
  "affinity",
  "public",
  "idempotency"
]);
function wordsOf(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function singular(word) {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}
function isCredentialNoun(word, previous) {
  const one = singular(word);
  if (one === "key") return previous === void 0 || !KEY_QUALIFIERS_NOT_SECRET.has(singular(previous));
  if (CREDENTIAL_NOUNS.has(word) || CREDENTIAL_NOUNS.has(one)) return true;
  return CREDENTIAL_ENDINGS.some((ending) => one.endsWith(ending));
}
function isBuiltinCredentialName(name, context) {
  const words2 = wordsOf(name);
  if (words2.length === 0 || words2[0] === "existing") return false;
  if (words2.slice(-2).join("") === "connectionstring") return true;
  let end = words2.length - 1;
  while (end > 0 && VALUE_SUFFIXES.has(words2[end])) end--;
  const previous = end > 0 ? words2[end - 1] : context;
  return isCredentialNoun(words2[end], previous);
}
var CredentialMatcher = class {
  constructor(config = DEFAULT_REDACT_CONFIG) {
    this.config = config;
    const names = config.keys.filter((k) => !k.includes("."));
    this.extraWords = names.map(wordsOf).filter((w) => w.length > 0);
    this.extraPaths = new Set(config.keys.filter((k) => k.includes(".")));
  }
  config;
  extraWords;
  extraPaths;
  /** Names repeat across a report (every container's `name`, `image`...): each is judged once per run. */
  judged = /* @__PURE__ */ new Map();
  /** A single name: a values key, an env var name, a ConfigMap key. */
  isCredentialName(name, context) {
    const id = `${context ?? ""}\0${name}`;
    let verdict = this.judged.get(id);
    if (verdict === void 0) {
      verdict = this.judge(name, context);
      this.judged.set(id, verdict);
    }
    return verdict;
  }
  judge(name, context) {
    const words2 = wordsOf(name);
    const extra = this.extraWords.some(
      (w) => w.length <= words2.length && w.every((word, i) => word === words2[words2.length - w.length + i])
    );
    if (extra) return true;
    return !this.config.replace && isBuiltinCredentialName(name, context);
  }
  /**
   * A values key path holds a credential when its last key is a credential name, or when a key above it is a
   * plural container of them (`secrets`, `credentials`, `passwords`, `apiKeys`: everything below is one).
   */
  isCredentialPath(path) {
    if (this.extraPaths.size > 0 && this.extraPaths.has(formatKeyPath(path))) return true;
    const keys = path.filter((s) => typeof s === "string");
    if (keys.length === 0) return false;
    const above = keys.slice(0, -1).some((key2, i) => this.isContainer(key2, keys[i - 1]));
    return this.isCredentialChild(keys[keys.length - 1], keys[keys.length - 2], above);
  }
  /** Walking a tree, user-set dotted paths need the full path of every value; built-in rules need only its keys. */
  get needsFullPaths() {
    return this.extraPaths.size > 0;
  }
  /**
   * isCredentialPath of a path ending in `key`, from what a tree walk carries down: the string key above it and
   * whether any key above is a container. One lookup per value, not one per value and ancestor.
   */
  isCredentialChild(key2, parent, containerAbove) {
    return containerAbove || this.isCredentialName(key2, this.lastWord(parent));
  }
  lastWords = /* @__PURE__ */ new Map();
  lastWord(key2) {
    if (key2 === void 0) return void 0;
    if (!this.lastWords.has(key2)) this.lastWords.set(key2, wordsOf(key2).pop());
    return this.lastWords.get(key2);
  }
  containers = /* @__PURE__ */ new Map();
  /** `secrets`, `credentials`, `apiKeys`: a plural credential name, below which every value is one. */
  isContainer(key2, parent) {
    const id = `${parent ?? ""}\0${key2}`;
    let verdict = this.containers.get(id);
    if (verdict === void 0) {
      const last = this.lastWord(key2);
      verdict = last !== void 0 && singular(last) !== last && this.isCredentialName(key2, this.lastWord(parent));
      this.containers.set(id, verdict);
    }
    return verdict;
  }
};
function pathOf(text) {
  if (!text) return void 0;
  try {
    return parseKeyPath(text);
  } catch (error) {
    if (error instanceof KeyPathError) return void 0;
    throw error;
  }
}

// src/core/values/code-set-placeholder.ts
var PLACEHOLDER = /^<?\s*(?:(?:set|overridden|overwritten|replaced|filled|provided|injected|generated|managed|defined)[-_ .](?:by|from|in|at|via)[-_ .][a-z0-9][\w.-]*|to[-_ .]be[-_ .](?:set|replaced|filled|defined|overridden))\s*>?$/i;
function isCodeSetPlaceholder(value) {
  return typeof value === "string" && value.length <= 80 && PLACEHOLDER.test(value.trim());
}

// src/core/redact/redact-tree.ts
var isHideable = (value) => typeof value === "string" && value !== "" && !isCodeSetPlaceholder(value) || typeof value === "number" || typeof value === "bigint";
function redactTree(value, matcher, path = [], hidden = !isMap(value) && matcher.isCredentialPath(path)) {
  const keys = path.filter((s) => typeof s === "string");
  const containerAbove = keys.some((key2, i) => matcher.isContainer(key2, keys[i - 1]));
  const walk2 = { matcher, path: matcher.needsFullPaths ? [...path] : void 0 };
  return redactWalk(value, walk2, hidden, keys[keys.length - 1], containerAbove);
}
function redactWalk(value, walk2, hidden, parent, containerAbove) {
  const { matcher, path } = walk2;
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      path?.push(i);
      const out = redactWalk(item, walk2, hidden, parent, containerAbove);
      path?.pop();
      return out;
    });
  }
  if (isMap(value)) {
    const envName2 = typeof value.name === "string" && matcher.isCredentialName(value.name) && "value" in value;
    const secret2 = value.kind === "Secret";
    const out = {};
    for (const [key2, child] of Object.entries(value)) {
      path?.push(key2);
      const hideChild = hidden || envName2 && key2 === "value" || secret2 && (key2 === "data" || key2 === "stringData") || // a map under a credential name (`auth:`) is judged key by key: auth.username is not a credential
      !isMap(child) && (path ? matcher.isCredentialPath(path) : matcher.isCredentialChild(key2, parent, containerAbove));
      const below = containerAbove || matcher.isContainer(key2, parent);
      setOwn(out, key2, redactWalk(child, walk2, hideChild, key2, below));
      path?.pop();
    }
    return out;
  }
  return hidden && isHideable(value) ? REDACTED : value;
}
function collectSecrets(value, matcher, path, into) {
  const redacted = redactTree(value, matcher, path);
  const walk2 = (original, shown) => {
    if (Array.isArray(original) && Array.isArray(shown)) {
      for (let i = 0; i < original.length; i++) walk2(original[i], shown[i]);
    } else if (isMap(original) && isMap(shown))
      for (const key2 of Object.keys(original)) walk2(original[key2], shown[key2]);
    else if (shown === REDACTED && original !== REDACTED) into.add(String(original));
  };
  walk2(value, redacted);
}
function chartSecrets(context, matcher, into = /* @__PURE__ */ new Set()) {
  const files = [...context.overrides, ...context.baseOverrides];
  for (const file of files) collectSecrets(file.values, matcher, [], into);
  for (const key2 of context.codeSet) {
    if (key2.value !== void 0) collectSecrets(key2.value, matcher, key2.path, into);
  }
  return into;
}
function configSecrets(config, matcher, into = /* @__PURE__ */ new Set()) {
  const sets = [
    config.set,
    ...config.environments.map((e) => e.set),
    ...Object.values(config.charts).map((c) => c.set)
  ];
  for (const set of sets) {
    for (const key2 of set) {
      if (key2.example !== void 0) collectSecrets(key2.example, matcher, key2.path, into);
    }
  }
  return into;
}

// src/core/values/defaults-diff.ts
function diffDefaults(before, after) {
  const diff = { added: [], removed: [], changed: [] };
  walk(before, after, [], diff);
  return diff;
}
function leafPaths(tree) {
  const out = [];
  const visit = (node, prefix) => {
    for (const key2 of sortedKeys(node)) {
      const value = node[key2];
      const path = [...prefix, key2];
      if (isMap(value) && Object.keys(value).length > 0) visit(value, path);
      else out.push(path);
    }
  };
  visit(tree, []);
  return out;
}
function walk(before, after, prefix, diff) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
  for (const key2 of keys) {
    const path = [...prefix, key2];
    const inBefore = Object.hasOwn(before, key2);
    const inAfter = Object.hasOwn(after, key2);
    const b = before[key2];
    const a = after[key2];
    if (!inAfter) {
      for (const leaf of leavesOf(b, path)) diff.removed.push(leaf);
    } else if (!inBefore) {
      for (const leaf of leavesOf(a, path)) diff.added.push(leaf);
    } else if (isMap(b) && isMap(a)) {
      walk(b, a, path, diff);
    } else if (!deepEqual(b, a)) {
      diff.changed.push(change(path, b, a));
    }
  }
}
function leavesOf(value, path) {
  if (isMap(value) && Object.keys(value).length > 0) return leafPaths(value).map((p) => formatKeyPath([...path, ...p]));
  return [formatKeyPath(path)];
}
function change(path, before, after) {
  return { path: formatKeyPath(path), before: before ?? null, after: after ?? null };
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
function sortedKeys(node) {
  return Object.keys(node).sort(compareStrings);
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/values/template-branches.ts
var JINJA_TAG = /^\{%[-+~]?\s*(\w+)/;
var GO_ACTION = /^\{\{-?\s*(\w+)/;
function controlTag(tag) {
  const jinja = JINJA_TAG.exec(tag);
  if (jinja) {
    const word = jinja[1];
    if (word === "if") return "open-if";
    if (word === "for") return "open-loop";
    if (word === "elif" || word === "else") return "branch";
    if (word === "endif" || word === "endfor") return "close";
    return "other";
  }
  const go = GO_ACTION.exec(tag);
  if (go) {
    const word = go[1];
    if (word === "if") return "open-if";
    if (word === "range" || word === "with") return "open-loop";
    if (word === "else") return "branch";
    if (word === "end") return "close";
  }
  return "other";
}
var BranchChooser = class {
  // true for a block whose current branch is the chosen one
  stack = [];
  get taking() {
    return this.stack.every(Boolean);
  }
  /** Moves past one tag; an unbalanced `end`/`else` (a broken template) is ignored rather than thrown. */
  step(tag) {
    const kind = controlTag(tag);
    if (kind === "open-if" || kind === "open-loop") this.stack.push(true);
    else if (kind === "branch" && this.stack.length > 0) this.stack[this.stack.length - 1] = false;
    else if (kind === "close") this.stack.pop();
  }
};
var BRANCH_CHOICE = "the first branch of each if was read (elif/else left out) and each for/range body once";

// src/core/values/template-placeholders.ts
var DEFAULT_PLACEHOLDER = "templated-value";
var JINJA_ONLY = /\s[~+*/%]\s|\sis\s+(?:not\s+)?\w+|\|\s*\w+\(/;
var TAG = /\{\{(?:[^}]|\}(?!\}))*\}\}|\{%(?:[^%]|%(?!\}))*%\}|\{#(?:[^#]|#(?!\}))*#\}/g;
var EXPRESSION_ONLY = /^\s*\{\{(?:[^}]|\}(?!\}))*\}\}\s*$/;
var TEMPLATED = /\{\{|\{%|\{#/;
var HELM_EXPRESSION = /^\{\{-?\s*(?:[.$("'`]|\/\*|(?:if|else|end|range|with|define|template|block|break|continue|include|tpl|toYaml|toJson|fromYaml|printf|print|println|quote|squote|default|required|lookup|index|len|not|and|or|eq|ne|lt|le|gt|ge|list|dict|trim|lower|upper|trunc|trimSuffix|b64enc|nindent|indent)\b)/;
var YAML_WORDS = /* @__PURE__ */ new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);
var NUMERIC_KEY = /^(?:replicas|replicaCount|minReplicas|maxReplicas|port|\w*Port|\w*Seconds|\w*Count)$/;
var NUMERIC_KEY_FALLBACK = 1;
function withPlaceholders(values, slotDefault) {
  return replace(values, [], slotDefault);
}
function replace(value, path, slotDefault) {
  if (typeof value === "string") return TEMPLATED.test(value) ? placeholderFor(value, path, slotDefault) : value;
  if (Array.isArray(value)) return value.map((item, i) => replace(item, [...path, i], slotDefault));
  if (isMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, [...path, k], slotDefault)]));
  }
  return value;
}
function placeholderFor(text, path, slotDefault) {
  const tags = [...text.matchAll(TAG)].map((m) => m[0]);
  if (tags.every(isHelmExpression)) return text;
  const chosen = chooseInlineBranches(text);
  if (EXPRESSION_ONLY.test(chosen)) {
    const fallback = slotDefault(path);
    if (typeof fallback === "number" || typeof fallback === "boolean") return fallback;
    if (Array.isArray(fallback) || isMap(fallback)) return structuredClone(fallback);
    const key2 = path[path.length - 1];
    if (fallback === void 0 && typeof key2 === "string" && NUMERIC_KEY.test(key2)) return NUMERIC_KEY_FALLBACK;
  }
  return chosen.replace(
    TAG,
    (tag) => tag.startsWith("{{") ? isHelmExpression(tag) ? tag : placeholderName(tag) : ""
  );
}
function isHelmExpression(tag) {
  return HELM_EXPRESSION.test(tag) && !JINJA_ONLY.test(tag);
}
function chooseInlineBranches(text) {
  if (!text.includes("{%")) return text.replace(/\{#(?:[^#]|#(?!\}))*#\}/g, "");
  const branches = new BranchChooser();
  let out = "";
  let at = 0;
  for (const match of text.matchAll(TAG)) {
    if (branches.taking) out += text.slice(at, match.index);
    at = match.index + match[0].length;
    const tag = match[0];
    if (tag.startsWith("{%")) branches.step(tag);
    else if (branches.taking && tag.startsWith("{{")) out += tag;
  }
  if (branches.taking) out += text.slice(at);
  return out;
}
function placeholderName(expression) {
  const body = expression.replace(/^\{\{-?|-?\}\}$/g, "");
  const variable = /[A-Za-z_][\w.]*/.exec(body)?.[0] ?? "";
  const name = variable.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
  if (!/^[a-z]/.test(name) || YAML_WORDS.has(name)) return DEFAULT_PLACEHOLDER;
  return name;
}

// src/core/rules/analysis/deploy-variables.ts
var EXPRESSION = /\{\{(?:[^}]|\}(?!\}))*\}\}/g;
function deployVariables(files) {
  const found = /* @__PURE__ */ new Map();
  const visit = (value) => {
    if (typeof value === "string") {
      for (const [tag] of value.matchAll(EXPRESSION)) {
        const placeholder = placeholderFor(tag, [], () => void 0);
        if (typeof placeholder !== "string" || placeholder === tag) continue;
        const expressions = found.get(placeholder) ?? [];
        const expression = tag.replace(/^\{\{-?\s*|\s*-?\}\}$/g, "");
        if (!expressions.includes(`{{ ${expression} }}`)) expressions.push(`{{ ${expression} }}`);
        found.set(placeholder, expressions);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isMap(value)) Object.values(value).forEach(visit);
  };
  for (const file of files) if (!file.error && file.renderedWith === void 0) visit(file.values);
  return found;
}
var MAX_VALUE = 1024;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function placeholdersIn(value, variables) {
  const names = [...variables.keys()].sort((a, b) => b.length - a.length);
  let rest = value;
  const found = [];
  for (const name of names) {
    const alone = new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, "g");
    if (alone.test(rest)) {
      found.push(name);
      rest = rest.replace(alone, "\0");
    }
  }
  return found;
}
function asWritten(value, names, variables) {
  let out = value;
  for (const name of names) {
    const expression = variables.get(name)?.[0] ?? name;
    out = out.replace(new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, "g"), () => expression);
  }
  return out;
}
function deployDependence(before, after, variables) {
  if (typeof before !== "string" || typeof after !== "string") return void 0;
  if (before.length > MAX_VALUE || after.length > MAX_VALUE) return void 0;
  const inBase = placeholdersIn(before, variables.base);
  const inHead = placeholdersIn(after, variables.head);
  if (inBase.length === 0 && inHead.length === 0) return void 0;
  const sameVariables = inBase.length === inHead.length && inBase.every((name) => inHead.includes(name) && variables.base.get(name)?.[0] === variables.head.get(name)?.[0]);
  if (sameVariables) return void 0;
  const fits = (literal, pattern, names) => {
    let source = escapeRegExp(pattern);
    for (const name of names)
      source = source.replace(new RegExp(`(?<![a-z0-9])${escapeRegExp(name)}(?![a-z0-9])`, "g"), ".*");
    return new RegExp(`^${source}$`, "s").test(literal);
  };
  if (inBase.length === 0 && !fits(before, after, inHead)) return void 0;
  if (inHead.length === 0 && !fits(after, before, inBase)) return void 0;
  const expressions = [
    .../* @__PURE__ */ new Set([
      ...inBase.map((name) => variables.base.get(name)?.[0] ?? name),
      ...inHead.map((name) => variables.head.get(name)?.[0] ?? name)
    ])
  ];
  return {
    expressions,
    before: asWritten(before, inBase, variables.base),
    after: asWritten(after, inHead, variables.head)
  };
}

// src/core/rules/analysis/server-defaults.ts
function unset(value, row2) {
  if (value === void 0 || value === null) return true;
  return row2.emptyIsUnset === true && (value === "" || Array.isArray(value) && value.length === 0);
}
function fill(node, path, row2) {
  const [key2, ...rest] = path;
  if (key2 === "*") {
    if (Array.isArray(node)) for (const item of node) fill(item, rest, row2);
    return;
  }
  if (!isMap(node)) return;
  if (rest.length === 0) {
    if (unset(node[key2], row2)) node[key2] = clone(row2.default);
    return;
  }
  if (rest[0] === "*" && !Array.isArray(node[key2])) return;
  if (node[key2] === void 0 || node[key2] === null) node[key2] = {};
  fill(node[key2], rest, row2);
}
function withServerDefaults(group, kind, object) {
  const rows2 = IMMUTABLE_DEFAULTS.filter((row2) => row2.group === group && row2.kind === kind);
  if (rows2.length === 0) return object;
  const copy = clone(object);
  for (const row2 of rows2) fill(copy, row2.path, row2);
  return copy;
}

// src/core/rules/analysis/immutable-fields.ts
var FIELD_IS_IMMUTABLE = "field is immutable";
function compareAt(normalised, original, path, reason) {
  const difference = locateDifference(getAt(normalised.base, path), getAt(normalised.head, path), path);
  if (!difference) return [];
  return [
    {
      path: difference.path,
      before: reportValue(getAt(original.base, difference.path)),
      after: reportValue(getAt(original.head, difference.path)),
      leaves: difference.leaves,
      reason
    }
  ];
}
function fieldChanges(fields, reason = FIELD_IS_IMMUTABLE) {
  return (base, head) => {
    const normalised = { base: canonicalQuantities(base), head: canonicalQuantities(head) };
    return fields.flatMap((field) => compareAt(normalised, { base, head }, field.path, reason));
  };
}
var fieldsOf = (entry) => entry.fields ?? [];
function normaliseStatefulSetSpec(spec) {
  const copy = canonicalQuantities(clone(spec ?? {}));
  const templates = getAt(copy, ["volumeClaimTemplates"]);
  if (Array.isArray(templates)) {
    for (const template of templates) {
      if (!isMap(template)) continue;
      dropDefault(template, ["apiVersion"], "v1");
      dropDefault(template, ["kind"], "PersistentVolumeClaim");
      delete template.status;
    }
  }
  return copy;
}
function statefulSet(entry) {
  const mutable = new Set(entry.except);
  const reason = entry.reason ?? FIELD_IS_IMMUTABLE;
  return (base, head) => {
    const normalised = {
      base: { spec: normaliseStatefulSetSpec(base.spec) },
      head: { spec: normaliseStatefulSetSpec(head.spec) }
    };
    const keys = /* @__PURE__ */ new Set([
      ...Object.keys(normalised.base.spec),
      ...Object.keys(normalised.head.spec)
    ]);
    return [...keys].filter((key2) => !mutable.has(key2)).flatMap((key2) => compareAt(normalised, { base, head }, ["spec", key2], reason));
  };
}
function selector(entry) {
  const changes = fieldChanges(fieldsOf(entry), entry.reason);
  return (base, head, headApiVersion) => headApiVersion === "apps/v1beta1" ? [] : changes(base, head, headApiVersion);
}
function job(entry) {
  const all = fieldChanges(fieldsOf(entry));
  const elasticFields = fieldChanges(fieldsOf(entry).filter((f) => f.path[1] !== "completions"));
  return (base, head, headApiVersion) => {
    const elastic = (o) => getAt(o, ["spec", "completionMode"]) === "Indexed" && getAt(o, ["spec", "completions"]) === getAt(o, ["spec", "parallelism"]);
    return (elastic(base) && elastic(head) ? elasticFields : all)(base, head, headApiVersion);
  };
}
function primaryClusterIP(spec) {
  const ips = getAt(spec, ["clusterIPs"]);
  const first = Array.isArray(ips) ? ips[0] : void 0;
  const ip = first ?? getAt(spec, ["clusterIP"]);
  return typeof ip === "string" ? ip : "";
}
function isHeadless(ip) {
  return ip === "None";
}
function pinnedValueClash(before, after) {
  if (after === "" || before === after) return void 0;
  if (before === "") {
    return isHeadless(after) ? "may not change once set: adding clusterIP: None to an existing Service is refused" : "may not change once set: the cluster allocated a value when the Service was created and the new render pins another";
  }
  if (isHeadless(before) !== isHeadless(after))
    return "may not change once set: a Service cannot switch between headless and non-headless";
  return "may not change once set";
}
var service = (base, head) => {
  const before = isMap(base.spec) ? base.spec : {};
  const after = isMap(head.spec) ? head.spec : {};
  const typeOf = (spec) => typeof spec.type === "string" ? spec.type : "ClusterIP";
  if (typeOf(before) === "ExternalName" || typeOf(after) === "ExternalName") return [];
  const changes = [];
  const ipBefore = primaryClusterIP(before);
  const ipAfter = primaryClusterIP(after);
  const ipClash = pinnedValueClash(ipBefore, ipAfter);
  if (ipClash) {
    changes.push({
      path: ["spec", "clusterIP"],
      before: ipBefore || null,
      after: ipAfter,
      leaves: [["spec", "clusterIP"]],
      reason: ipClash
    });
  }
  const familyBefore = getAt(before, ["ipFamilies", 0]);
  const familyAfter = getAt(after, ["ipFamilies", 0]);
  if (typeof familyBefore === "string" && typeof familyAfter === "string" && familyBefore !== familyAfter && !isHeadless(ipBefore) && !isHeadless(ipAfter)) {
    changes.push({
      path: ["spec", "ipFamilies", 0],
      before: familyBefore,
      after: familyAfter,
      leaves: [["spec", "ipFamilies", 0]],
      reason: "may not change once set"
    });
  }
  const bothLoadBalancers = typeOf(before) === "LoadBalancer" && typeOf(after) === "LoadBalancer";
  if (bothLoadBalancers && !semanticEqual(before.loadBalancerClass, after.loadBalancerClass)) {
    changes.push({
      path: ["spec", "loadBalancerClass"],
      before: reportValue(before.loadBalancerClass),
      after: reportValue(after.loadBalancerClass),
      leaves: [["spec", "loadBalancerClass"]],
      reason: "may not change once set while the Service stays a LoadBalancer"
    });
  }
  const needsHealthCheck = (spec) => typeOf(spec) === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
  if (needsHealthCheck(before) && needsHealthCheck(after)) {
    const port = (spec) => spec.healthCheckNodePort ? String(spec.healthCheckNodePort) : "";
    const clash = pinnedValueClash(port(before), port(after));
    if (clash) {
      changes.push({
        path: ["spec", "healthCheckNodePort"],
        before: reportValue(before.healthCheckNodePort),
        after: reportValue(after.healthCheckNodePort),
        leaves: [["spec", "healthCheckNodePort"]],
        reason: FIELD_IS_IMMUTABLE
      });
    }
  }
  return changes;
};
var PVC_REASON = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";
var BETA_STORAGE_CLASS = ["metadata", "annotations", "volume.beta.kubernetes.io/storage-class"];
var persistentVolumeClaim = (base, head) => {
  const changes = [];
  const storagePath = ["spec", "resources", "requests", "storage"];
  const sizeBefore = parseQuantity(getAt(base, storagePath));
  const sizeAfter = parseQuantity(getAt(head, storagePath));
  if (sizeBefore !== void 0 && sizeAfter !== void 0 && sizeAfter < sizeBefore) {
    changes.push({
      path: storagePath,
      before: getAt(base, storagePath),
      after: getAt(head, storagePath),
      leaves: [storagePath],
      reason: "field can not be less than previous value"
    });
  }
  const normalise = (o) => {
    const spec = canonicalQuantities(clone(o.spec ?? {}));
    const requests = getAt(spec, ["resources", "requests"]);
    if (isMap(requests)) delete requests.storage;
    return spec;
  };
  const specBefore = normalise(base);
  const specAfter = normalise(head);
  if (isEmptyValue(specBefore.volumeName)) delete specAfter.volumeName;
  if (specBefore.storageClassName === void 0 || specBefore.storageClassName === null)
    delete specAfter.storageClassName;
  if (isEmptyValue(specBefore.volumeAttributesClassName) || !isEmptyValue(specAfter.volumeAttributesClassName)) {
    delete specBefore.volumeAttributesClassName;
    delete specAfter.volumeAttributesClassName;
  }
  const normalised = { base: { spec: specBefore }, head: { spec: specAfter } };
  for (const key2 of /* @__PURE__ */ new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])) {
    changes.push(...compareAt(normalised, { base, head }, ["spec", key2], PVC_REASON));
  }
  changes.push(...compareAt({ base, head }, { base, head }, BETA_STORAGE_CLASS, FIELD_IS_IMMUTABLE));
  return changes;
};
function persistentVolume(entry) {
  const notSource = new Set(entry.except);
  return (base, head) => {
    const normalise = (o) => {
      return clone(isMap(o.spec) ? o.spec : {});
    };
    const specBefore = normalise(base);
    const specAfter = normalise(head);
    if (getAt(specBefore, ["csi", "controllerExpandSecretRef"]) === void 0 && isMap(specAfter.csi)) {
      delete specAfter.csi.controllerExpandSecretRef;
    }
    const normalised = { base: { spec: specBefore }, head: { spec: specAfter } };
    const original = { base, head };
    const sourceKeys = [.../* @__PURE__ */ new Set([...Object.keys(specBefore), ...Object.keys(specAfter)])].filter(
      (k) => !notSource.has(k)
    );
    const changes = sourceKeys.flatMap(
      (key2) => compareAt(normalised, original, ["spec", key2], "spec.persistentvolumesource is immutable after creation")
    );
    changes.push(...compareAt(normalised, original, ["spec", "volumeMode"], FIELD_IS_IMMUTABLE));
    if (!isEmptyValue(specBefore.nodeAffinity)) {
      changes.push(...compareAt(normalised, original, ["spec", "nodeAffinity"], "may not change once set"));
    }
    return changes;
  };
}
function redact(value) {
  if (isMap(value)) return Object.fromEntries(Object.keys(value).map((key2) => [key2, REDACTED]));
  return value === void 0 || value === null ? null : REDACTED;
}
function secretData(o) {
  const data = { ...isMap(o.data) ? o.data : {} };
  if (isMap(o.stringData)) {
    for (const [key2, value] of Object.entries(o.stringData))
      setOwn(data, key2, Buffer.from(String(value ?? ""), "utf8").toString("base64"));
  }
  return data;
}
var IMMUTABLE_SET = "field is immutable when `immutable` is set";
function secret(entry) {
  const fixed = fieldChanges(fieldsOf(entry));
  return (base, head) => {
    const changes = fixed(base, head, "v1");
    if (base.immutable !== true) return changes;
    const normalised = {
      base: { data: secretData(base), immutable: base.immutable },
      head: { data: secretData(head), immutable: head.immutable }
    };
    for (const change2 of compareAt(normalised, normalised, ["data"], IMMUTABLE_SET)) {
      changes.push({ ...change2, before: redact(change2.before), after: redact(change2.after) });
    }
    changes.push(...compareAt(normalised, normalised, ["immutable"], IMMUTABLE_SET));
    return changes;
  };
}
var configMap = (base, head) => {
  if (base.immutable !== true) return [];
  const original = { base, head };
  return ["data", "binaryData", "immutable"].flatMap(
    (key2) => compareAt(original, original, [key2], IMMUTABLE_SET)
  );
};
var resourceQuota = (base, head) => {
  const scopes = (o) => {
    const list = getAt(o, ["spec", "scopes"]);
    return { spec: { scopes: Array.isArray(list) ? [...list].map(String).sort() : [] } };
  };
  return compareAt({ base: scopes(base), head: scopes(head) }, { base, head }, ["spec", "scopes"], FIELD_IS_IMMUTABLE);
};
function customResourceDefinition(entry) {
  const fixed = fieldChanges(fieldsOf(entry));
  return (base, head, headApiVersion) => {
    const changes = fixed(base, head, headApiVersion);
    if (getAt(base, ["spec", "preserveUnknownFields"]) !== true && getAt(head, ["spec", "preserveUnknownFields"]) === true) {
      changes.push({
        path: ["spec", "preserveUnknownFields"],
        before: reportValue(getAt(base, ["spec", "preserveUnknownFields"])),
        after: true,
        leaves: [["spec", "preserveUnknownFields"]],
        reason: "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"
      });
    }
    return changes;
  };
}
var CHECKS = {
  fields: (entry) => fieldChanges(fieldsOf(entry), entry.reason),
  selector,
  statefulset: statefulSet,
  job,
  service: () => service,
  persistentvolumeclaim: () => persistentVolumeClaim,
  persistentvolume: persistentVolume,
  secret,
  configmap: () => configMap,
  resourcequota: () => resourceQuota,
  customresourcedefinition: customResourceDefinition
};
var IMMUTABLE_RULES = IMMUTABLE_KINDS.map((entry) => ({
  group: entry.group,
  kind: entry.kind,
  reference: entry.section,
  changes: CHECKS[entry.check](entry)
}));
function immutableRuleFor(group, kind) {
  return IMMUTABLE_RULES.find((rule) => rule.group === group && rule.kind === kind);
}
function immutableChanges(base, head) {
  const rule = immutableRuleFor(head.group, head.ref.kind);
  if (!rule || base.ref.kind !== head.ref.kind || printedAlike(base, head)) return [];
  const defaulted = {
    base: withServerDefaults(head.group, head.ref.kind, base.object),
    head: withServerDefaults(head.group, head.ref.kind, head.object)
  };
  const shown = (defaultedSide, rendered, path, value) => semanticEqual(getAt(defaultedSide, path), getAt(rendered, path)) ? value : reportValue(getAt(rendered, path));
  return rule.changes(defaulted.base, defaulted.head, head.ref.apiVersion).map((change2) => ({
    ...change2,
    before: shown(defaulted.base, base.object, change2.path, change2.before),
    after: shown(defaulted.head, head.object, change2.path, change2.after)
  }));
}
function describeLeaves(change2, limit = 4) {
  const path = formatKeyPath(change2.path);
  if (change2.leaves.length <= 1 && semanticEqual(change2.leaves[0], change2.path)) return path;
  const relative = change2.leaves.map((leaf) => formatKeyPath(leaf.slice(change2.path.length)));
  const shown = relative.slice(0, limit).join(", ");
  const more = relative.length > limit ? ` and ${relative.length - limit} more` : "";
  return `${path} (${shown}${more})`;
}

// src/core/rules/immutable-field-changed.ts
var immutableFieldChanged = {
  id: "immutable-field-changed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "error",
  description: "a resource present in both renders changes a field the API server refuses to update",
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    const matcher = new CredentialMatcher(ctx.config.redact);
    const variables = { base: deployVariables(ctx.baseOverrides), head: deployVariables(ctx.overrides) };
    return match.matched.flatMap(({ base, head }) => {
      const changes = immutableChanges(base, head);
      if (changes.length === 0) return [];
      const shown = { base: redactTree(base.object, matcher), head: redactTree(head.object, matcher) };
      const described = changes.map((change2) => ({ ...change2, ...shownValues(change2, { base, head }, shown) }));
      const { blocking, deployTime } = byDeployDependence(described, { base, head }, shown, variables);
      const object = { ctx, renders, scopes: match.scopes, base, head };
      return blocking.length > 0 ? [blockingFinding(object, blocking, deployTime)] : [deployTimeFinding(object, deployTime)];
    });
  },
  change: "per-field",
  runbook: ["delete-and-recreate"],
  reinstall: (finding) => ({ immutableField: fieldsOf2(finding) })
};
function byDeployDependence(changes, rendered, shown, variables) {
  const blocking = [];
  const deployTime = [];
  for (const change2 of changes) {
    const leaves = change2.leaves.map((leaf) => ({
      leaf,
      dependence: deployDependence(getAt(rendered.base.object, leaf), getAt(rendered.head.object, leaf), variables)
    }));
    const dependent = leaves.flatMap(({ leaf, dependence }) => dependence ? [{ leaf, dependence }] : []);
    if (dependent.length === 0 || dependent.length < leaves.length) {
      blocking.push(change2);
      continue;
    }
    const side = (which, leaf, written) => {
      const redacted = getAt(shown[which], leaf);
      return redacted === getAt(rendered[which].object, leaf) ? written : reportValue(redacted);
    };
    const value = (which, d) => side(which, d.leaf, which === "base" ? d.dependence.before : d.dependence.after);
    const single = dependent.length === 1 && semanticEqual(dependent[0].leaf, change2.path);
    const values = (which) => single ? value(which, dependent[0]) : Object.fromEntries(dependent.map((d) => [formatKeyPath(d.leaf.slice(change2.path.length)), value(which, d)]));
    const expressions = [...new Set(dependent.flatMap((d) => d.dependence.expressions))];
    deployTime.push({ change: change2, expressions, before: values("base"), after: values("head") });
  }
  return { blocking, deployTime };
}
function changeWords(change2, before, after) {
  const from = inlineValue(before);
  const to = inlineValue(after);
  const what = describeLeaves(change2);
  return from !== void 0 && to !== void 0 ? `${what} changes from ${from} to ${to}` : `${what} changes`;
}
var reasonsOf = (changes) => [...new Set(changes.map((c) => c.reason))].join("; ");
function fieldValues(fields) {
  if (fields.length === 1) return fields[0];
  return {
    path: fields[0].path,
    before: Object.fromEntries(fields.map((f) => [f.path, f.before])),
    after: Object.fromEntries(fields.map((f) => [f.path, f.after]))
  };
}
function fieldsOf2(finding) {
  const after = finding.after;
  if (isMap(after) && Object.keys(after).length > 1 && Object.keys(after)[0] === finding.path)
    return Object.keys(after);
  return finding.path ? [finding.path] : [];
}
function blockingFinding(object, changes, deployTime) {
  const { ctx, renders, scopes, head } = object;
  const what = joinWords(changes.map((change2) => changeWords(change2, change2.before, change2.after)));
  const also = deployTime.length ? ` ${joinWords(deployTime.map((d) => formatKeyPath(d.change.path)))} may change too, depending on ${joinWords([...new Set(deployTime.flatMap((d) => d.expressions))])}.` : "";
  return {
    message: `${head.ref.kind} ${head.ref.name}: ${what}, which the API server refuses (${reasonsOf(changes)}), so \`helm upgrade\` fails.${also}`,
    ...chartLocation(ctx, head, "head"),
    resource: effectiveRef(head, renders.head.namespace, scopes),
    ...fieldValues(changes.map((c) => ({ path: formatKeyPath(c.path), before: c.before, after: c.after }))),
    remedy: remedyFor(object, [...changes, ...deployTime.map((d) => d.change)]),
    needsReinstall: true
  };
}
function deployTimeFinding(object, deployTime) {
  const { ctx, renders, scopes, head } = object;
  const expressions = [...new Set(deployTime.flatMap((d) => d.expressions))];
  const many = expressions.length > 1;
  const changes = deployTime.map((d) => d.change);
  const what = joinWords(deployTime.map((d) => changeWords(d.change, d.before, d.after)));
  const fields = joinWords(changes.map((c) => formatKeyPath(c.path)));
  return {
    severity: "warning",
    message: `${head.ref.kind} ${head.ref.name}: ${what}, which depends on the deploy-time ${many ? "variables" : "variable"} ${joinWords(expressions)}. Unless the deploy keeps the installed value, the API server refuses the change (${reasonsOf(changes)}) and \`helm upgrade\` fails.`,
    ...chartLocation(ctx, head, "head"),
    resource: effectiveRef(head, renders.head.namespace, scopes),
    ...fieldValues(deployTime.map((d) => ({ path: formatKeyPath(d.change.path), before: d.before, after: d.after }))),
    remedy: `Check that ${joinWords(expressions)} ${many ? "give" : "gives"} ${fields} the value the installed release has: the override file is templated, so chart-guard cannot tell (give it the template context, config \`templates: { engine: jinja, context: <file> }\`, to check). If the value does change: ${remedyFor(object, changes)}`
  };
}
var SUMMARY_LIMIT = 20;
function shownValues(change2, original, shown) {
  const below = change2.leaves.length > 1 || change2.leaves.some((leaf) => leaf.length > change2.path.length);
  const side = (object, redacted, computed) => {
    if (!below) {
      return deepEqual(reportValue(getAt(object, change2.path)), computed) ? reportValue(getAt(redacted, change2.path)) : computed;
    }
    const entries = change2.leaves.slice(0, SUMMARY_LIMIT).map((leaf) => [formatKeyPath(leaf.slice(change2.path.length)), reportValue(getAt(redacted, leaf))]);
    const more = change2.leaves.length - SUMMARY_LIMIT;
    if (more > 0) entries.push(["…", `${more} more`]);
    return Object.fromEntries(entries);
  };
  return {
    before: side(original.base.object, shown.base, change2.before),
    after: side(original.head.object, shown.head, change2.after)
  };
}
function remedyFor({ ctx, renders, scopes, base, head }, changes) {
  const target = kubectlTarget(head, renders.head, scopes);
  const upgrade = remedyUpgrade(ctx, renders.head);
  const firsts = new Set(changes.map((change2) => change2.path[1]));
  switch (`${head.group}/${head.ref.kind}`) {
    case "apps/StatefulSet": {
      const lines = [
        `Delete the StatefulSet but keep its pods and PVCs, then upgrade: \`kubectl delete ${target} --cascade=orphan\` then ${upgrade}.`,
        "The new StatefulSet keeps the name, so it reuses the same PVCs."
      ];
      if (firsts.has("volumeClaimTemplates")) {
        lines.push(
          "Existing PVCs keep their old spec and labels: the new volumeClaimTemplates only apply to claims created from now on (resize or relabel existing PVCs by hand if needed)."
        );
      }
      if (firsts.has("selector")) {
        lines.push(
          `The old pods do not match the new selector, so the StatefulSet will not adopt them: after the upgrade delete them one at a time (\`kubectl delete ${kubectlObject("pod", `${head.ref.name}-0`)}${namespaceFlag(renders.head.namespace)}\`, ...) and it re-creates them on the same PVCs.`
        );
      }
      return lines.join(" ");
    }
    case "apps/Deployment":
    case "apps/DaemonSet":
    case "apps/ReplicaSet": {
      const selector2 = getAt(base.object, ["spec", "selector", "matchLabels"]);
      const oldLabels = isMap(selector2) ? Object.entries(selector2).map(([k, v]) => `${k}=${String(v)}`).join(",") : "";
      const leftovers = oldLabels ? ` (\`kubectl delete pods${namespaceFlag(renders.head.namespace)} -l ${labelSelectorWord(oldLabels)}\`)` : "";
      return `Delete the ${head.ref.kind} (its pods are re-created, with a short outage), then upgrade: \`kubectl delete ${target}\` then ${upgrade}. With \`--cascade=orphan\` the old pods keep running, but the new selector does not adopt them: delete them yourself once the new pods are ready${leftovers}.`;
    }
    case "batch/Job":
      return `Delete the Job, then upgrade (the Job runs again): \`kubectl delete ${target}\` then ${upgrade}. If it should run on every upgrade, the chart should make it a Helm hook.`;
    case "/PersistentVolumeClaim":
      return `A claim cannot be changed in place: back up its data, create a new PVC and copy the data over (or restore the backup), then \`kubectl delete ${target}\` and ${upgrade}. Deleting the claim deletes its volume when the reclaim policy is Delete.`;
    case "/PersistentVolume":
      return `Re-create the volume: check its reclaim policy first (Delete destroys the data), then \`kubectl delete ${target}\` and ${upgrade}.`;
    case "/Service":
      return `Delete the Service, then upgrade: \`kubectl delete ${target}\` then ${upgrade}. It gets a new cluster IP (and a new load balancer address if it is of type LoadBalancer).`;
    case "apiextensions.k8s.io/CustomResourceDefinition":
      return `Re-creating a CRD deletes every custom resource of that type: back them up first, then \`kubectl delete ${target}\`, ${upgrade}, and restore them.`;
    default:
      return `Delete the ${head.ref.kind} and let the upgrade re-create it: \`kubectl delete ${target}\` then ${upgrade}.`;
  }
}

// src/core/rules/kube-version-unset.ts
var kubeVersionUnset = {
  id: "kube-version-unset",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "notice",
  description: "no target Kubernetes version is set: the API and kubeVersion checks did not run",
  check({ kube, kubeUnsetIn = [] }) {
    if (kube && kubeUnsetIn.length > 0) {
      const names = kubeUnsetIn.join(", ");
      return [
        {
          message: `No Kubernetes version is set for ${names}: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run there.`,
          remedy: `Set \`kubernetes: "1.31"\` (or \`{ min, max }\`) under environments.${kubeUnsetIn[0]} in the chart-guard config, or a top-level \`kubernetes\` every environment without its own takes.`
        }
      ];
    }
    if (kube) return [];
    return [
      {
        message: "No Kubernetes version is set: the API checks (api-removed, api-deprecated) and the kubeVersion check (kube-version-unsupported) did not run.",
        remedy: 'Set `kubernetes: "1.31"` (or `{ min, max }` for a fleet) in the chart-guard config, the kubernetes-version input, or --kube-version.'
      }
    ];
  }
};

// src/core/config/helm-constraint.ts
var CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
var OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
var CONSTRAINT = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
var CONSTRAINT_RANGE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, "g");
var FIND_CONSTRAINT = new RegExp(String.raw`(${OPS})\s*(${CV})`, "g");
var VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
var UINT64_MAX = 2n ** 64n - 1n;
function parseHelmVersion(text) {
  const m = VERSION.exec(text);
  if (!m) return void 0;
  const segment = (s) => s ? BigInt(s.replace(/^\./, "")) : 0n;
  const [major, minor, patch] = [segment(m[1]), segment(m[2]), segment(m[3])];
  if (major > UINT64_MAX || minor > UINT64_MAX || patch > UINT64_MAX) return void 0;
  const pre = m[5] ?? "";
  if (pre?.split(".").some((part) => /^\d+$/.test(part) && part.length > 1 && part.startsWith("0"))) {
    return void 0;
  }
  return { major, minor, patch, pre };
}
var sign = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var isNumeric = (part) => /^\d+$/.test(part) && BigInt(part) <= UINT64_MAX;
function comparePrePart(s, o) {
  if (s === o) return 0;
  if (s === "") return -1;
  if (o === "") return 1;
  const [sn, on] = [isNumeric(s), isNumeric(o)];
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return sign(BigInt(s), BigInt(o)) || -1;
}
function compareHelmVersions(v, o) {
  const segments = sign(v.major, o.major) || sign(v.minor, o.minor) || sign(v.patch, o.patch);
  if (segments) return segments;
  if (v.pre === o.pre) return 0;
  if (v.pre === "") return 1;
  if (o.pre === "") return -1;
  const [sp, op] = [v.pre.split("."), o.pre.split(".")];
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? "", op[i] ?? "");
    if (d) return d;
  }
  return 0;
}
var isX = (s) => s === "x" || s === "X" || s === "*";
function parseConstraint(text) {
  const m = CONSTRAINT.exec(text);
  if (!m) return void 0;
  const pre = m[6] ?? "";
  let version = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(m[3]) || !m[3]) {
    version = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(m[4]?.slice(1)) || !m[4]) {
    version = `${m[3]}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(m[5]?.slice(1)) || !m[5]) {
    version = `${m[3]}${m[4]}.0${pre}`;
    dirty = patchDirty = true;
  }
  const con = parseHelmVersion(version);
  return con && { op: m[1], con, dirty, minorDirty, patchDirty };
}
function tilde(v, c) {
  if (compareHelmVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return v.minor === c.con.minor || c.minorDirty;
}
function caret(v, c) {
  if (compareHelmVersions(v, c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (v.minor > 0n) return false;
  return v.patch === c.con.patch;
}
function notEqual(v, c) {
  if (c.dirty) {
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) return (v.pre !== "" || c.con.pre !== "") && v.pre !== c.con.pre;
  }
  return compareHelmVersions(v, c.con) !== 0;
}
function greaterThan(v, c) {
  if (!c.dirty) return compareHelmVersions(v, c.con) > 0;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major || c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return compareHelmVersions(v, c.con) > 0;
}
function lessThanEqual(v, c) {
  if (!c.dirty) return compareHelmVersions(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
}
function admits(v, c) {
  if (v.pre === "" || c.con.pre !== "") return true;
  return c.op === "!=" && !c.dirty;
}
var OPERATIONS = {
  "": (v, c) => c.dirty ? tilde(v, c) : compareHelmVersions(v, c.con) === 0,
  "!=": notEqual,
  ">": greaterThan,
  "<": (v, c) => compareHelmVersions(v, c.con) < 0,
  ">=": (v, c) => compareHelmVersions(v, c.con) >= 0,
  "<=": lessThanEqual,
  "~": tilde,
  "^": caret
};
OPERATIONS["="] = OPERATIONS[""];
OPERATIONS["=>"] = OPERATIONS[">="];
OPERATIONS["=<"] = OPERATIONS["<="];
OPERATIONS["~>"] = OPERATIONS["~"];
function rewriteRange(text) {
  let out = text;
  for (const m of text.matchAll(CONSTRAINT_RANGE)) out = out.replace(m[0], `>= ${m[1]}, <= ${m[11]}`);
  return out;
}
var SPACE = /\s/;
var OP_CHARS = /* @__PURE__ */ new Set(["=", "!", ">", "<", "~", "^"]);
var CV_AT = new RegExp(`^(?:${CV})`);
function skipSpace(text, at) {
  let i = at;
  while (i < text.length && SPACE.test(text[i])) i++;
  return i;
}
function constraintEnd(text, at) {
  let i = skipSpace(text, at);
  let op = "";
  while (i < text.length && OP_CHARS.has(text[i]) && op.length < 2) op += text[i++];
  if (!["", "=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"].includes(op)) return -1;
  i = skipSpace(text, i);
  const version = CV_AT.exec(text.slice(i));
  return version && version[0] !== "" ? i + version[0].length : -1;
}
function isValidSegment(text) {
  let i = constraintEnd(text, 0);
  if (i < 0) return false;
  for (; ; ) {
    const afterSpace = skipSpace(text, i);
    if (afterSpace === text.length) return true;
    if (text[afterSpace] === ",") i = afterSpace + 1;
    else if (afterSpace > i) i = afterSpace;
    else return false;
    i = constraintEnd(text, i);
    if (i < 0) return false;
  }
}
var MAX_CONSTRAINT_LENGTH = 4096;
function parseHelmConstraint(text) {
  if (text.length > MAX_CONSTRAINT_LENGTH) return void 0;
  const alternatives = [];
  for (const segment of rewriteRange(text).split("||")) {
    if (!isValidSegment(segment)) return void 0;
    const found = [...segment.matchAll(FIND_CONSTRAINT)].map((m) => m[0]);
    const parsed = (found.length ? found : [segment]).map(parseConstraint);
    if (parsed.some((c) => c === void 0)) return void 0;
    alternatives.push(parsed);
  }
  return {
    check: (version) => alternatives.some((all) => all.every((c) => admits(version, c) && OPERATIONS[c.op](version, c)))
  };
}

// src/core/config/kube-version.ts
function normaliseKubeVersion(text) {
  if (text === void 0) return void 0;
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(String(text).trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : void 0;
}
function compareKubeVersions(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}
function checkKubeVersion(constraint, kubeVersion) {
  const parsed = parseHelmConstraint(constraint);
  const version = parseHelmVersion(`${kubeVersion}.0`);
  if (!parsed || !version) return { ok: false, reason: "unreadable" };
  return parsed.check(version) ? { ok: true } : { ok: false, reason: "excluded" };
}
function refusedOnVendorClusters(constraint, kubeVersion) {
  const parsed = parseHelmConstraint(constraint);
  const release = parseHelmVersion(`${kubeVersion}.0`);
  const vendor = parseHelmVersion(`${kubeVersion}.0-vendor`);
  return !!parsed && !!release && !!vendor && parsed.check(release) && !parsed.check(vendor);
}

// src/core/rules/kube-version-unsupported.ts
var kubeVersionUnsupported = {
  id: "kube-version-unsupported",
  scope: "chart",
  modes: ["review", "lint"],
  needs: {},
  severity: "error",
  description: "the new Chart.yaml kubeVersion excludes the target Kubernetes version",
  readiness: {},
  check({ head, base, kube }) {
    const constraint = head?.metadata.kubeVersion;
    if (!head || !kube || !constraint) return [];
    const before = base?.metadata.kubeVersion;
    const changed = base && before !== constraint ? { before: before ?? null, after: constraint } : {};
    const ends = kube.min === kube.max ? [kube.min] : [kube.min, kube.max];
    const excluded = [];
    for (const version2 of ends) {
      const result = checkKubeVersion(constraint, version2);
      if (result.ok) continue;
      if (result.reason === "unreadable") {
        return [
          {
            message: `Chart.yaml kubeVersion "${constraint}" is not a constraint Helm can parse: helm refuses to install or upgrade the chart on any cluster.`,
            file: head.chartYamlPath,
            path: "kubeVersion",
            ...changed
          }
        ];
      }
      excluded.push(version2);
    }
    if (excluded.length === 0) {
      if (!ends.some((version2) => refusedOnVendorClusters(constraint, version2))) return [];
      return [
        {
          severity: "warning",
          message: `Chart.yaml kubeVersion ${constraint} has a bound without a pre-release part, so Helm 3 refuses the chart on clusters whose version carries one (EKS "v1.29.3-eks-…", GKE "v1.29.1-gke.…"): "chart requires kubeVersion … which is incompatible". Helm 4 accepts it.`,
          file: head.chartYamlPath,
          path: "kubeVersion",
          ...changed,
          remedy: 'Nothing to do on upstream Kubernetes or with Helm 4. On EKS or GKE with Helm 3, ask for (or patch in) bounds with "-0", such as ">=1.19.0-0", which admit those versions.'
        }
      ];
    }
    const wasExcluded = before !== void 0 && excluded.every((v) => !checkKubeVersion(before, v).ok);
    const which = ends.length > 1 ? ` (fleet ${kube.min}–${kube.max})` : "";
    const version = head.metadata.version ? `Version ${head.metadata.version}` : "The chart";
    return [
      {
        message: `${version} requires kubeVersion ${constraint}, which excludes Kubernetes ${excluded.join(" and ")}${which}: helm upgrade will refuse to run there` + (wasExcluded ? " (the old version was already excluded)." : "."),
        file: head.chartYamlPath,
        path: "kubeVersion",
        ...changed,
        remedy: `Upgrade the clusters on Kubernetes ${excluded.join(", ")} first, or stay on a chart version whose kubeVersion allows them.`
      }
    ];
  }
};

// src/core/rules/lockfile-invalid.ts
var lockfileInvalid = {
  id: "lockfile-invalid",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "error",
  description: "the lockfile cannot be read, or an entry lacks name/version, names an undeclared repo/destination, or duplicates another",
  check({ head }) {
    return head.problems.map((p) => ({ message: p.message, file: p.file, line: p.line }));
  }
};

// src/core/rules/major-upgrade-notes.ts
var import_semver = __toESM(require_semver2(), 1);
var majorUpgradeNotes = {
  id: "major-upgrade-notes",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, environment: false },
  severity: "notice",
  description: "the bump crosses a major version; carries the chart README upgrade notes for the crossed majors",
  check({ change: change2, upgradeNotes: notes = [], headLockfile }) {
    const from = import_semver.default.coerce(change2.base?.version);
    const to = import_semver.default.coerce(change2.head?.version);
    if (change2.change !== "bumped" || !from || !to || to.major <= from.major) return [];
    const headings = notes.map((n) => `"${n.heading}"`).join(", ");
    const comment = change2.head?.comment ? ` Lockfile comment: ${change2.head.comment}` : "";
    return [
      {
        message: `${change2.name} crosses major version ${from.major} → ${to.major}: ` + (notes.length ? `read the chart's upgrade notes (${headings}).` : "the chart README has no upgrade notes for it; read its changelog.") + comment,
        file: headLockfile?.path,
        line: change2.head?.versionLine,
        before: change2.base?.version ?? null,
        after: change2.head?.version ?? null
      }
    ];
  }
};

// src/core/rules/override-file-orphan.ts
var overrideFileOrphan = {
  id: "override-file-orphan",
  scope: "repo",
  modes: ["lint"],
  needs: {},
  severity: "warning",
  description: "an override values file matches the override patterns but maps to no chart of the lockfile",
  check({ orphanOverrideFiles, head }) {
    return (orphanOverrideFiles ?? []).map((file) => ({
      message: `${file} looks like an override file but no chart of ${head.path} uses it.`,
      file,
      line: 1,
      remedy: "Rename it after its chart, or delete it if the chart is gone."
    }));
  }
};

// src/core/values/did-you-mean.ts
var SUGGESTION_THRESHOLD = 0.6;
function didYouMean(path, before, after, suggestions = renameSuggestions(before, after)) {
  let anchor = path.length;
  while (anchor > 0 && !hasAt(before, path.slice(0, anchor))) anchor--;
  if (anchor === 0) return void 0;
  const renamed = suggestions.get(formatKeyPath(path.slice(0, anchor)));
  if (!renamed) return void 0;
  return formatKeyPath([...renamed, ...path.slice(anchor)]);
}
function renameSuggestions(before, after) {
  return computeSuggestions(before, after);
}
function computeSuggestions(before, after) {
  const diff = diffDefaults(before, after);
  const removedLeaves = diff.removed.map(parseKeyPath);
  const addedLeaves = diff.added.map(parseKeyPath);
  const removed = withGoneMaps(removedLeaves, before, after).map((p) => key(p, before));
  const added = withGoneMaps(addedLeaves, after, before).map((p) => key(p, after));
  const result = /* @__PURE__ */ new Map();
  if (removed.length === 0 || added.length === 0) return result;
  const renames = learnPrefixRenames(removedLeaves, addedLeaves);
  const addedByText = new Map(added.map((k) => [k.text, k]));
  const index = /* @__PURE__ */ new Map();
  for (const k of added) {
    for (const t of new Set(k.tokens.map(indexToken))) {
      const list = index.get(t) ?? [];
      list.push(k);
      index.set(t, list);
    }
  }
  const pairs = [];
  for (const r of removed) {
    const translated = translate(r.path, renames);
    const translatedKey = translated && key(translated, before);
    const exact = translated && addedByText.get(formatKeyPath(translated));
    const candidates = /* @__PURE__ */ new Set();
    for (const t of [...r.tokens, ...translatedKey?.tokens ?? []]) {
      for (const s of [t, ...SYNONYMS[t] ?? []]) for (const c of index.get(indexToken(s)) ?? []) candidates.add(c);
    }
    if (exact) candidates.add(exact);
    const folded = translated && translated.length > 1 && addedByText.get(formatKeyPath(translated.slice(0, -1)));
    const flattened = folded && folded.type !== "map" ? folded : void 0;
    if (flattened) candidates.add(flattened);
    for (const c of candidates) {
      const typePenalty = r.type !== c.type && r.type !== "null" && c.type !== "null" ? 0.1 : 0;
      const raw = similarity(r, c) - typePenalty;
      let score = Math.max(raw, translatedKey ? similarity(translatedKey, c) - typePenalty : 0);
      if (c === exact) score = 0.95;
      else if (c === flattened) score = Math.max(score, 0.9);
      else if (!related(r, c) && !(translatedKey && related(translatedKey, c))) continue;
      if (meaningful(r.value) && deepEqual(r.value, c.value)) score += 0.05;
      if (score >= SUGGESTION_THRESHOLD) pairs.push({ from: r, to: c, score, raw });
    }
  }
  pairs.sort(
    (a, b) => b.score - a.score || b.raw - a.raw || compare(a.from.text, b.from.text) || compare(a.to.text, b.to.text)
  );
  const taken = /* @__PURE__ */ new Set();
  for (const pair of pairs) {
    if (result.has(pair.from.text) || taken.has(pair.to)) continue;
    result.set(pair.from.text, pair.to.path);
    taken.add(pair.to);
  }
  return result;
}
function withGoneMaps(leaves, tree, other) {
  const seen = new Set(leaves.map(formatKeyPath));
  const out = [...leaves];
  for (const leaf of leaves) {
    for (let i = 1; i < leaf.length; i++) {
      const prefix = leaf.slice(0, i);
      const text = formatKeyPath(prefix);
      if (seen.has(text) || hasAt(other, prefix) || !isMap(getAt(tree, prefix))) continue;
      seen.add(text);
      out.push(prefix);
    }
  }
  return out;
}
function key(path, tree) {
  const value = getAt(tree, path);
  const last = String(path[path.length - 1]);
  const segments = path.map((s) => words(String(s)));
  return {
    path,
    text: formatKeyPath(path),
    segments,
    tokens: segments.flat(),
    singles: new Set(segments.filter((w) => w.length === 1).map((w) => w[0])),
    acronyms: new Set(segments.filter((w) => w.length > 1).map(initials)),
    lastTokens: segments[segments.length - 1],
    last: last.toLowerCase(),
    type: valueType(value),
    value
  };
}
function learnPrefixRenames(removed, added) {
  const addedByLast = /* @__PURE__ */ new Map();
  for (const a of added) {
    const last = String(a[a.length - 1]);
    const list = addedByLast.get(last) ?? [];
    list.push(a);
    addedByLast.set(last, list);
  }
  const support = /* @__PURE__ */ new Map();
  for (const r of removed) {
    for (const a of addedByLast.get(String(r[r.length - 1])) ?? []) {
      let k = 1;
      while (k < r.length && k < a.length && r[r.length - 1 - k] === a[a.length - 1 - k]) k++;
      const from = r.slice(0, r.length - k);
      const to = a.slice(0, a.length - k);
      if (from.length === 0 && to.length === 0) continue;
      const fromText = formatKeyPath(from);
      const targets = support.get(fromText) ?? /* @__PURE__ */ new Map();
      support.set(fromText, targets);
      const toText = formatKeyPath(to);
      const entry = targets.get(toText) ?? { to, suffixes: /* @__PURE__ */ new Set() };
      entry.suffixes.add(formatKeyPath(r.slice(r.length - k)));
      targets.set(toText, entry);
    }
  }
  const renames = /* @__PURE__ */ new Map();
  for (const [fromText, targets] of support) {
    if (fromText === "") continue;
    const fromWords = words(fromText);
    const ranked = [...targets.values()].filter((t) => t.suffixes.size >= 2).map((t) => ({
      ...t,
      likeness: dice(
        fromWords,
        t.to.flatMap((s) => words(String(s)))
      )
    })).sort((a, b) => b.suffixes.size - a.suffixes.size || b.likeness - a.likeness);
    const [best, second] = ranked;
    if (!best) continue;
    if (second && second.suffixes.size === best.suffixes.size && second.likeness === best.likeness) continue;
    renames.set(fromText, best.to);
  }
  return renames;
}
function translate(path, renames) {
  for (let i = path.length - 1; i >= 1; i--) {
    const to = renames.get(formatKeyPath(path.slice(0, i)));
    if (to) return [...to, ...path.slice(i)];
  }
  return void 0;
}
var SYNONYMS = {
  master: ["primary"],
  primary: ["master"],
  slave: ["secondary", "replica"],
  secondary: ["slave"],
  replica: ["slave"],
  whitelist: ["allowlist"],
  allowlist: ["whitelist"],
  blacklist: ["denylist"],
  denylist: ["blacklist"],
  // Bitnami's switch flags: podDisruptionBudget.enabled -> pdb.create, serviceAccount.enabled -> create.
  enabled: ["create"],
  create: ["enabled"]
};
function related(a, b) {
  const parentA = a.segments.slice(0, -1);
  const parentB = b.segments.slice(0, -1);
  if (formatKeyPath(a.path.slice(0, -1)) === formatKeyPath(b.path.slice(0, -1))) return true;
  const wordsB = [...parentB.flat(), ...b.lastTokens];
  return parentA.flat().some((w) => wordsB.some((o) => sameWord(w, o)));
}
function similarity(a, b) {
  const path = dice(withAcronyms(a, b), withAcronyms(b, a));
  let last = dice(a.lastTokens, b.lastTokens);
  if (last < 1 && 0.7 * path + 0.3 >= SUGGESTION_THRESHOLD - 0.05) {
    last = Math.max(last, 1 - levenshtein(a.last, b.last) / Math.max(a.last.length, b.last.length));
  }
  return 0.7 * path + 0.3 * last;
}
function withAcronyms(a, b) {
  if (a.acronyms.size === 0 || ![...a.acronyms].some((x) => b.singles.has(x))) return a.tokens;
  return a.segments.flatMap((segment) => {
    if (segment.length < 2) return segment;
    const acronym = initials(segment);
    return b.singles.has(acronym) ? [acronym] : segment;
  });
}
function initials(segmentWords) {
  return segmentWords.map((w) => w[0]).join("");
}
function dice(a, b) {
  if (a.length + b.length === 0) return 0;
  const free = [...b];
  let matches = 0;
  for (const word of a) {
    const i = free.findIndex((other) => sameWord(word, other));
    if (i >= 0) {
      matches++;
      free.splice(i, 1);
    }
  }
  return 2 * matches / (a.length + b.length);
}
function sameWord(a, b) {
  if (a === b) return true;
  if (SYNONYMS[a]?.includes(b)) return true;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}
function words(segment) {
  return segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => {
    const lower = w.toLowerCase();
    return lower.length > 3 && lower.endsWith("s") && !lower.endsWith("ss") ? lower.slice(0, -1) : lower;
  });
}
function indexToken(word) {
  return word.slice(0, 4);
}
var row = new Uint16Array(64);
function levenshtein(a, b) {
  if (a === b) return 0;
  if (row.length <= b.length) row = new Uint16Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
function meaningful(value) {
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  return false;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function typoSuggestion(path, defaults) {
  const last = path[path.length - 1];
  if (typeof last !== "string") return void 0;
  const parent = path.length === 1 ? defaults : getAt(defaults, path.slice(0, -1));
  if (!isMap(parent)) return void 0;
  const limit = last.length >= 8 ? 2 : 1;
  const wanted = last.toLowerCase();
  let best;
  for (const sibling of Object.keys(parent)) {
    if (sibling === last) continue;
    const distance = boundedDistance(sibling.toLowerCase(), wanted, best ? best.distance - 1 : limit);
    if (distance !== void 0) best = { key: sibling, distance };
  }
  return best ? formatKeyPath([...path.slice(0, -1), best.key]) : void 0;
}
var bandRows = [new Uint16Array(64), new Uint16Array(64)];
function boundedDistance(a, b, limit) {
  if (limit < 0 || Math.abs(a.length - b.length) > limit) return void 0;
  if (a === b) return 0;
  const width = b.length + 1;
  const outside = limit + 1;
  if (bandRows[0].length < width) bandRows = [new Uint16Array(width * 2), new Uint16Array(width * 2)];
  let [previous, current] = bandRows;
  previous.fill(outside, 0, width);
  for (let j = 0; j <= Math.min(limit, b.length); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(outside, 0, width);
    const from = Math.max(0, i - limit);
    const to = Math.min(b.length, i + limit);
    if (from === 0) current[0] = i;
    let rowMin = from === 0 ? i : outside;
    for (let j = Math.max(1, from); j <= to; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, outside);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return void 0;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= limit ? previous[b.length] : void 0;
}

// src/core/rules/override-key-unknown.ts
var PROOF_EVIDENCE = "removing it does not change the rendered manifests";
var overrideKeyUnknown = {
  id: "override-key-unknown",
  scope: "chart",
  modes: ["review", "lint"],
  needs: {},
  severity: "warning",
  description: "an override key is in neither version's defaults (already ignored before this change)",
  check(ctx) {
    const { base, head, change: change2 } = ctx;
    if (!head) return [];
    const named = (version) => [change2.name, version].filter(Boolean).join(" ");
    const sameVersion = base && base.metadata.version === head.metadata.version;
    const where = base && !sameVersion ? `in neither ${named(base.metadata.version)}'s nor ${head.metadata.version ?? "the new version"}'s defaults` : `not in ${named(head.metadata.version)}'s defaults`;
    return ctx.coverage().filter((c) => c.status === "unknown").map((c) => {
      const key2 = formatKeyPath(c.path);
      const typo = typoSuggestion(c.path, head.defaults);
      const evidence = c.provenIgnored ? PROOF_EVIDENCE : "no template reads it";
      return {
        message: `${code(key2)} is ${where} and ${evidence}: Helm ignores it.${typo ? ` Did you mean ${code(typo)}?` : ""}`,
        file: c.key.file,
        line: c.key.line,
        path: key2,
        ...typo ? { suggestion: typo } : {},
        remedy: c.key.source === "config" ? codeSetRemedy(key2, typo, c.key.file) : typo ? `Rename ${code(key2)} to ${code(typo)} in ${c.key.file}.` : `Check the spelling against the chart's values.yaml, or delete the key. If the chart does read it (through a helper chart-guard cannot follow), add its parent key to freeFormKeys in the chart-guard config.`
      };
    });
  },
  // a key the chart never had: no default to show
  keyTable: { withoutChange: "not a chart key" }
};
function codeSetRemedy(key2, suggestion, configFile) {
  const to = suggestion ? ` to ${code(`--set ${suggestion}=...`)}` : " (or drop it)";
  return `The deploy code passes ${code(`--set ${key2}=...`)}: change it there${to}, then update the \`set:\` entry in ${configFile} to match.`;
}

// src/core/rules/override-key-removed.ts
var overrideKeyRemoved = {
  id: "override-key-removed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true },
  severity: "error",
  description: "an override key existed in the old chart's defaults and is gone from the new one: Helm will silently ignore it",
  check(ctx) {
    const { base, head, change: change2 } = ctx;
    if (!head || !base) return [];
    const from = base.metadata.version ?? "the old version";
    const to = head.metadata.version ?? "the new version";
    const groups = groupByRemovedMap(
      ctx.coverage().filter((c) => c.status === "removed"),
      base,
      ctx.config.freeFormKeys
    );
    return groups.map(({ path, keys }) => {
      const first = keys[0];
      const key2 = formatKeyPath(path);
      const suggestion = didYouMean(path, base.defaults, head.defaults, ctx.renameSuggestions());
      const hint = suggestion ? ` Did you mean ${code(suggestion)}?` : "";
      const proven = keys.every((k) => k.provenIgnored) ? ` (${PROOF_EVIDENCE})` : "";
      const below = keys.length > 1 || keys[0].path.length > path.length ? ` (set here: ${keys.map((k) => code(formatKeyPath(k.path))).join(", ")})` : "";
      return {
        message: `${code(key2)} was in ${change2.name} ${from}'s defaults and is gone from ${to}: Helm will silently ignore it${proven}${below}.${hint}`,
        file: first.key.file,
        line: first.key.line,
        path: key2,
        ...suggestion ? { suggestion } : {},
        before: keys.length === 1 && keys[0].path.length === path.length ? first.oldDefault ?? null : getAt(base.defaults, path) ?? null,
        remedy: first.key.source === "config" ? codeSetRemedy(key2, suggestion, first.key.file) : suggestion ? `Rename ${code(key2)} to ${code(suggestion)} in ${first.key.file} (check the chart's upgrade notes), or delete it.` : `Find its replacement in ${change2.name} ${to}'s values.yaml or README upgrade notes and rename it in ${first.key.file}, or delete it.`
      };
    });
  },
  keyTable: {}
};
function groupByRemovedMap(removed, base, freeFormKeys) {
  const groups = /* @__PURE__ */ new Map();
  const isEmptyMap = emptinessOf();
  for (const coverage of removed) {
    const path = removedMapOf(coverage.path, base, freeFormKeys, isEmptyMap) ?? coverage.path;
    const id = `${coverage.key.file}\0${formatKeyPath(path)}`;
    const group = groups.get(id) ?? { path, keys: [] };
    group.keys.push(coverage);
    groups.set(id, group);
  }
  return [...groups.values()];
}
function removedMapOf(path, base, freeFormKeys, isEmptyMap) {
  for (let length = 1; length < path.length; length++) {
    const prefix = path.slice(0, length);
    const old = getAt(base.defaults, prefix);
    const last = prefix[prefix.length - 1];
    const freeForm = typeof last === "string" && freeFormKeys.includes(last);
    if (isMap(old) && (freeForm || isEmptyMap(old))) return prefix;
  }
  return void 0;
}
function emptinessOf() {
  const emptiness = /* @__PURE__ */ new WeakMap();
  return (map) => {
    let empty = emptiness.get(map);
    if (empty === void 0) {
      empty = Object.keys(map).length === 0;
      emptiness.set(map, empty);
    }
    return empty;
  };
}

// src/core/rules/override-proof-incomplete.ts
var LISTED_KEYS = 10;
var overrideProofIncomplete = {
  id: "override-proof-incomplete",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "notice",
  description: "override keys accepted on weak evidence were not all proven used or ignored: the extra-render cap stopped the search",
  check(ctx) {
    const proof = ctx.ignoredKeyProof;
    if (!proof?.stopped || proof.unproven.length === 0) return [];
    const tested = new Set(proof.unproven);
    const accepted = ctx.coverage().filter((c) => c.status === "ok" && tested.has(formatKeyPath(c.path)));
    const keys = [...new Set(accepted.map((c) => formatKeyPath(c.path)))].sort();
    if (keys.length === 0) return [];
    const first = accepted[0];
    const listed = keys.slice(0, LISTED_KEYS).map((k) => `\`${k}\``);
    const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : "";
    const why = proof.stopped === "cap" ? `the proof stopped at its cap of ${proof.cap} extra render(s) (render.proofRenders)` : "two renders of the same values gave different objects, so renders cannot be compared";
    const finding = {
      message: `${keys.length} override key(s) that ${ctx.change.name} seems to read only through a template reading a map above them were not checked: ${why}. They stay accepted: ${listed.join(", ")}${more}.`,
      path: formatKeyPath(first.path),
      remedy: proof.stopped === "cap" ? "Raise render.proofRenders in the chart-guard config to check them, or check them against the chart templates." : "Check these keys against the chart's templates.",
      file: first.key.file,
      line: first.key.line
    };
    return [finding];
  }
};

// src/core/rules/analysis/placeholder-failure.ts
function placeholderCulprits(reason, overrides, codeSet, chart) {
  const setFromConfig = new Set(codeSet.map((key2) => formatKeyPath(key2.path)));
  const candidates = /* @__PURE__ */ new Map();
  for (const file of overrides) {
    for (const key2 of file.keys) {
      const name = formatKeyPath(key2.path);
      if (!isCodeSetPlaceholder(key2.value) || setFromConfig.has(name)) continue;
      candidates.set(name, key2);
    }
  }
  const all = [...candidates.values()];
  const named = all.filter((key2) => namesKey(reason, key2.path));
  const culprits = named.length > 0 ? named : all.filter((key2) => reason.includes(key2.value));
  return culprits.map((key2) => ({ key: key2, example: exampleFor(key2.path, reason, chart) }));
}
var escapeRegExp2 = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function namesKey(reason, path) {
  if (!path.every((segment) => typeof segment === "string")) return false;
  const dotted = escapeRegExp2(path.join("."));
  const pointer = escapeRegExp2(`/${path.join("/")}`);
  const forms = [`\\.Values\\.${dotted}`, `(?<![\\w./-])${dotted}`, `(?<![\\w./-])${pointer}`];
  return new RegExp(`(?:${forms.join("|")})(?![\\w-]|\\.\\w|/\\w)`).test(reason);
}
function exampleFor(path, reason, chart) {
  const fallback = getAt(chart?.defaults, path);
  if (fallback !== null && fallback !== void 0 && typeof fallback !== "string") return structuredClone(fallback);
  const type = schemaType(chart?.schema, path) ?? typeInReason(reason);
  return type === void 0 ? void 0 : EXAMPLES[type];
}
var EXAMPLES = { boolean: true, integer: 1, number: 1, array: [], object: {} };
function schemaType(schema, path) {
  let node = schema;
  for (const segment of path) {
    const properties = isMap(node) && isMap(node.properties) ? node.properties : void 0;
    node = typeof segment === "string" && properties ? properties[segment] : void 0;
  }
  const type = isMap(node) ? node.type : void 0;
  const first = Array.isArray(type) ? type.find((t) => t !== "null" && t !== "string") : type;
  return typeof first === "string" && first in EXAMPLES ? first : void 0;
}
function typeInReason(reason) {
  if (/\bbool(?:ean)?\b/i.test(reason)) return "boolean";
  if (/range can't iterate over|\b(?:array|list|slice)\b/i.test(reason)) return "array";
  if (/\b(?:integer|int|number)\b/i.test(reason)) return "integer";
  if (/\b(?:map|object|dict)\b/i.test(reason)) return "object";
  return void 0;
}
function placeholderRemedy(culprits, chart, config) {
  return culprits.map((culprit) => placeholderFix(culprit, chart, config)).join("\n");
}
function placeholderFix({ key: key2, example }, chart, config) {
  const name = formatKeyPath(key2.path);
  const value = example === void 0 ? "<a value of the type the chart expects>" : JSON.stringify(example);
  return `\`${name}\` is \`${key2.value}\` in ${key2.file}:${key2.line}, a placeholder the deploy code replaces: give the render an example of the type the chart expects, \`charts.${chart}.set.${name}: ${value}\` in ${config}.`;
}

// src/core/rules/override-schema-violation.ts
var overrideSchemaViolation = {
  id: "override-schema-violation",
  scope: "chart",
  modes: ["review", "lint"],
  needs: {},
  severity: "error",
  description: "the new chart's values.schema.json rejects the merged values",
  check(ctx) {
    const { head, change: change2 } = ctx;
    const result = ctx.schemaCheck();
    if (!head || !result) return [];
    const chart = [change2.name, head.metadata.version].filter(Boolean).join(" ");
    const schemaFile = head.schemaPath ?? `${head.dir}/values.schema.json`;
    if (result.problem) {
      return [
        {
          severity: "notice",
          message: `${chart}'s ${result.problem}; the override schema check did not run.`,
          file: schemaFile
        }
      ];
    }
    return result.violations.map((v) => {
      const path = v.path.length ? formatKeyPath(v.path) : void 0;
      if (!v.key) {
        return {
          message: `The values merged from the overrides break ${chart}'s values.schema.json: ${v.message}. Helm will refuse to upgrade.`,
          file: schemaFile,
          path,
          remedy: `Compare the override files with ${schemaFile} and fix the values it rejects.`
        };
      }
      if (isCodeSetPlaceholder(v.key.value)) {
        const culprit = { key: { ...v.key, value: v.key.value }, example: exampleFor(v.key.path, v.message, head) };
        return {
          severity: "notice",
          message: `${v.key.file} line ${v.key.line} holds a placeholder the deploy code replaces, which ${chart}'s values.schema.json rejects: ${v.message}. The render cannot use it.`,
          file: v.key.file,
          line: v.key.line,
          path,
          remedy: placeholderFix(culprit, change2.name, ctx.config.path ?? "the chart-guard config")
        };
      }
      return {
        message: `${v.key.file} line ${v.key.line} breaks ${chart}'s values.schema.json: ${v.message}. Helm will refuse to upgrade.`,
        file: v.key.file,
        line: v.key.line,
        path,
        remedy: `Change the value in ${v.key.file} line ${v.key.line} to what ${schemaFile} allows.`
      };
    });
  }
};

// src/core/rules/override-type-changed.ts
var overrideTypeChanged = {
  id: "override-type-changed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true },
  severity: "warning",
  description: "the default's type under an overridden key changed (map/list/scalar)",
  check(ctx) {
    const { base, head, change: change2 } = ctx;
    if (!head || !base) return [];
    const chart = [change2.name, head.metadata.version].filter(Boolean).join(" ");
    const seen = /* @__PURE__ */ new Set();
    const findings = [];
    for (const c of ctx.coverage()) {
      if (c.status !== "type-changed" || !c.typeChange) continue;
      const { at, before, after, override } = c.typeChange;
      const key2 = formatKeyPath(at);
      const id = `${c.key.file}\0${key2}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push({
        message: `${code(key2)} is set as a ${override}, but ${chart} changed its default from a ${before} to a ${after}.`,
        file: c.key.file,
        line: c.key.line,
        path: key2,
        before,
        after,
        remedy: `Rewrite ${code(key2)} in ${c.key.file} as a ${after}, following the new chart's values.yaml and upgrade notes.`
      });
    }
    return findings;
  }
};

// src/core/render/served-apis.ts
function servedApiVersions(kubeVersion) {
  const versions = /* @__PURE__ */ new Set();
  const kinds = /* @__PURE__ */ new Set();
  for (const row2 of SERVED_APIS) {
    if (!reachedBy(row2.since, kubeVersion)) continue;
    for (const kind of row2.kinds) {
      if (apiStatusAt(apiVersionEntry(row2.apiVersion, kind), kubeVersion) === "removed") continue;
      versions.add(row2.apiVersion);
      kinds.add(`${row2.apiVersion}/${kind}`);
    }
  }
  return [...versions, ...kinds];
}

// src/core/rules/analysis/pod-selection.ts
var WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "ReplicaSet"]);
var POD_MAKING_KINDS = [
  ...WORKLOAD_KINDS,
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicationController",
  "Pod"
];
var WORKLOAD_DOCUMENTS = [...WORKLOAD_KINDS, "HorizontalPodAutoscaler"];
function workloadsOf(objects, releaseNamespace) {
  const minReplicas = /* @__PURE__ */ new Map();
  for (const hpa of objects.filter((m) => m.ref.kind === "HorizontalPodAutoscaler")) {
    const spec = isMap(hpa.object.spec) ? hpa.object.spec : {};
    const target = isMap(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    const min = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
    minReplicas.set(`${objectNamespace(hpa, releaseNamespace)}/${target.kind}/${target.name}`, min);
  }
  return objects.filter((m) => WORKLOAD_KINDS.has(m.ref.kind)).map((m) => {
    const spec = isMap(m.object.spec) ? m.object.spec : {};
    const template = isMap(spec.template) ? spec.template : {};
    const metadata = isMap(template.metadata) ? template.metadata : {};
    const labels = isMap(metadata.labels) ? stringMap(metadata.labels) : {};
    const namespace = objectNamespace(m, releaseNamespace);
    const scaled = minReplicas.get(`${namespace}/${m.ref.kind}/${m.ref.name}`);
    const replicas = scaled ?? (typeof spec.replicas === "number" ? spec.replicas : 1);
    return { manifest: m, namespace, labels, replicas };
  });
}
function stringMap(node) {
  return Object.fromEntries(Object.entries(node).map(([key2, value]) => [key2, String(value)]));
}
function selects(selector2, labels) {
  if (!isMap(selector2)) return false;
  const matchLabels = isMap(selector2.matchLabels) ? stringMap(selector2.matchLabels) : {};
  if (!Object.entries(matchLabels).every(([key2, value]) => labels[key2] === value)) return false;
  const expressions = Array.isArray(selector2.matchExpressions) ? selector2.matchExpressions : [];
  return expressions.every((expression) => {
    if (!isMap(expression) || typeof expression.key !== "string") return false;
    const has = Object.hasOwn(labels, expression.key);
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    switch (expression.operator) {
      case "In":
        return has && values.includes(labels[expression.key]);
      case "NotIn":
        return !has || !values.includes(labels[expression.key]);
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
      default:
        return false;
    }
  });
}
function describeWorkloads(workloads) {
  return workloads.map((w) => `${w.manifest.ref.kind} ${w.manifest.ref.name}`).join(", ");
}
function operatorMayMakePods(objects) {
  const builtIn = new Set(SERVED_APIS.map((row2) => groupOf(row2.apiVersion)));
  return objects.some((m) => !builtIn.has(m.group));
}
function groupOf(apiVersion) {
  return apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
}
function podLabelsOf(m) {
  if (!POD_MAKING_KINDS.includes(m.ref.kind)) return void 0;
  const spec = isMap(m.object.spec) ? m.object.spec : {};
  const jobSpec = isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec) ? spec.jobTemplate.spec : void 0;
  const metadata = m.ref.kind === "Pod" ? m.object.metadata : isMap((jobSpec ?? spec).template) ? (jobSpec ?? spec).template.metadata : void 0;
  return isMap(metadata) && isMap(metadata.labels) ? stringMap(metadata.labels) : void 0;
}

// src/core/rules/pdb-blocks-drain.ts
var pdbBlocksDrain = {
  id: "pdb-blocks-drain",
  scope: "chart",
  modes: ["review", "lint"],
  // the budgets, and the workloads they select (an unchanged workload under a changed budget still counts)
  needs: { renders: true, documents: ["PodDisruptionBudget", ...WORKLOAD_DOCUMENTS] },
  severity: "warning",
  description: "a PodDisruptionBudget allows no voluntary disruption: it blocks the node drain of a Kubernetes upgrade",
  readiness: { severity: "error" },
  check(ctx) {
    const head = renderedHead(ctx);
    if (!head) return [];
    const objects = head.manifests.filter(isReleaseObject);
    const budgets = objects.filter((m) => m.ref.kind === "PodDisruptionBudget");
    const workloads = budgets.length ? workloadsOf(objects, head.namespace) : [];
    const findings = [];
    for (const pdb of budgets) {
      const spec = isMap(pdb.object.spec) ? pdb.object.spec : {};
      const namespace = objectNamespace(pdb, head.namespace);
      const selected = workloads.filter((w) => w.namespace === namespace && selects(spec.selector, w.labels));
      const place = { ...chartLocation(ctx, pdb, "head"), resource: effectiveRef(pdb, head.namespace) };
      const replicas = selected.reduce((sum, w) => sum + w.replicas, 0);
      if (replicas === 0) continue;
      const budget = blockingBudget(spec, replicas);
      if (!budget) continue;
      findings.push({
        message: `PodDisruptionBudget ${pdb.ref.name} allows no voluntary disruption of ${describeWorkloads(selected)} (${budget.field}: ${budget.value} with ${replicas} ${replicas === 1 ? "replica" : "replicas"}): the Eviction API answers 429 and \`kubectl drain\` of a node that runs one of its pods never finishes, so the node phase of a Kubernetes upgrade stalls.`,
        ...place,
        path: `spec.${budget.field}`,
        before: null,
        after: budget.value,
        remedy: remedy(ctx, pdb, budget.field, selected, replicas)
      });
    }
    return findings;
  }
};
function blockingBudget(spec, replicas) {
  const scaled = (value) => {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return void 0;
    const percent = /^(\d+)%$/.exec(value.trim());
    if (percent) return Math.ceil(Number(percent[1]) * replicas / 100);
    return /^\d+$/.test(value.trim()) ? Number(value) : void 0;
  };
  const maxUnavailable = scaled(spec.maxUnavailable);
  if (maxUnavailable !== void 0) {
    return maxUnavailable <= 0 ? { field: "maxUnavailable", value: spec.maxUnavailable } : void 0;
  }
  const minAvailable = scaled(spec.minAvailable);
  if (minAvailable !== void 0 && minAvailable >= replicas) {
    return { field: "minAvailable", value: spec.minAvailable };
  }
  return void 0;
}
function remedy(ctx, pdb, field, selected, replicas) {
  const key2 = budgetKey(ctx, pdb, field);
  const scale = `or run ${describeWorkloads(selected)} with at least ${replicas + 1} replicas so one pod may go`;
  if (!key2) {
    return `Set maxUnavailable: 1 on PodDisruptionBudget ${pdb.ref.name} (the chart has no values key for it: patch it with a post-renderer or ask upstream), ${scale}.`;
  }
  const parent = formatKeyPath(key2.slice(0, -1));
  const set = field === "maxUnavailable" ? `\`--set ${formatKeyPath(key2)}=1\`` : hasAt(ctx.head?.defaults, [...key2.slice(0, -1), "maxUnavailable"]) ? `\`--set ${parent}.minAvailable=null --set ${parent}.maxUnavailable=1\`` : `\`--set ${formatKeyPath(key2)}=${Math.max(replicas - 1, 0)}\``;
  return `Let one pod go during a drain: ${set} in the override file of this environment, ${scale}.`;
}
function budgetKey(ctx, pdb, field) {
  const found = [];
  const walk2 = (node, path) => {
    if (!isMap(node) || path.length > 6) return;
    for (const [key2, child] of Object.entries(node)) {
      if (key2 === field) found.push([...path, key2]);
      else walk2(child, [...path, key2]);
    }
  };
  walk2(ctx.head?.defaults, []);
  if (found.length === 0) {
    const map = ["podDisruptionBudget", "pdb"].find((key2) => isMap(ctx.head?.defaults?.[key2]));
    return map ? [map, field] : void 0;
  }
  if (found.length === 1) return found[0];
  const metadata = isMap(pdb.object.metadata) ? pdb.object.metadata : {};
  const labels = isMap(metadata.labels) ? stringMap(metadata.labels) : {};
  const component = labels["app.kubernetes.io/component"];
  return component ? found.find((path) => path.includes(component)) : void 0;
}

// src/core/rules/pdb-selects-nothing.ts
var pdbSelectsNothing = {
  id: "pdb-selects-nothing",
  scope: "chart",
  modes: ["review", "lint"],
  // the budgets, and every object that makes pods (an unchanged one may be the only one a budget selects)
  needs: { renders: true, documents: ["PodDisruptionBudget", ...WORKLOAD_DOCUMENTS, ...POD_MAKING_KINDS] },
  severity: "warning",
  description: "a PodDisruptionBudget selects no pod the chart renders: its label selector is wrong and it protects nothing during a node drain",
  readiness: { severity: "error" },
  check(ctx) {
    const head = renderedHead(ctx);
    if (!head) return [];
    const objects = head.manifests.filter(isReleaseObject);
    if (operatorMayMakePods(objects)) return [];
    const budgets = objects.filter((m) => m.ref.kind === "PodDisruptionBudget");
    const workloads = budgets.length ? workloadsOf(objects, head.namespace) : [];
    const findings = [];
    for (const pdb of budgets) {
      const spec = isMap(pdb.object.spec) ? pdb.object.spec : {};
      const namespace = objectNamespace(pdb, head.namespace);
      const selectsSomePod = objects.some(
        (m) => objectNamespace(m, head.namespace) === namespace && selects(spec.selector, podLabelsOf(m) ?? {})
      );
      if (selectsSomePod) continue;
      const candidates = describeWorkloads(workloads.filter((w) => w.namespace === namespace));
      findings.push({
        message: `PodDisruptionBudget ${pdb.ref.name} selects no pod template the chart renders in namespace ${namespace}: its label selector is wrong, so it protects nothing during a node drain.`,
        ...chartLocation(ctx, pdb, "head"),
        resource: effectiveRef(pdb, head.namespace),
        path: "spec.selector",
        before: null,
        after: isMap(spec.selector) ? spec.selector : null,
        remedy: `Make spec.selector of PodDisruptionBudget ${pdb.ref.name} match the pod template labels of the workload it should protect (${candidates || "none rendered"}), or turn the budget off in the chart values.`
      });
    }
    return findings;
  }
};

// src/core/rules/policy-changed.ts
var policyChanged = {
  id: "policy-changed",
  scope: "repo",
  modes: ["review"],
  needs: { base: true },
  severity: "notice",
  description: "the change edits the review policy (rules, failOn, free-form keys, lockfile, values patterns, Kubernetes targets, environments, chart settings, render, templates, acceptances): a narrowing edit does not apply",
  check({ policyChanges }) {
    return (policyChanges ?? []).map((change2) => ({
      severity: change2.weakens ? "error" : "notice",
      message: `${change2.message}; this review applies the base branch's policy${change2.weakens ? ", which this change weakens" : ""}`,
      file: change2.file,
      ...change2.line !== void 0 ? { line: change2.line } : {},
      ...change2.weakens ? {
        remedy: "Land the policy change in a pull request of its own, reviewed by the owners of the gate, or revert it here."
      } : {}
    }));
  },
  acceptable: false
};

// src/core/rules/release-api-removed.ts
var MAPKUBEAPIS_PLUGIN = "helm plugin install https://github.com/helm/helm-mapkubeapis";
var releaseApiRemoved = {
  id: "release-api-removed",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "warning",
  description: "the deployed release stores an apiVersion the raised Kubernetes version removes: run helm mapkubeapis before the cluster upgrade",
  readiness: {},
  runbook: ["map-kube-apis"],
  check(ctx) {
    const deployed = ctx.renders?.deployed;
    if (!ctx.readiness || deployed?.status !== "ok") return [];
    const { from, to } = ctx.readiness;
    const release = deployed.releaseName;
    const command = `helm mapkubeapis ${release} --namespace ${deployed.namespace}`;
    const deployedAtHead = ctx.change.change === "unchanged" || !ctx.base;
    return deployed.manifests.filter(isReleaseObject).flatMap((m) => {
      const entry = apiVersionEntry(m.ref.apiVersion, m.ref.kind);
      if (apiStatusAt(entry, to.max) !== "removed" || apiStatusAt(entry, from.max) === "removed") return [];
      return [
        {
          message: `The deployed release ${release} stores ${m.ref.kind} ${m.ref.name} as ${m.ref.apiVersion}, removed in Kubernetes ${entry.removedIn}: once the cluster runs ${to.max}, helm upgrade of ${release} fails ("current release manifest contains removed kubernetes api(s)") until the stored manifest is rewritten.`,
          ...deployedAtHead ? chartLocation(ctx, m, "head") : baseLocation(ctx, m),
          resource: effectiveRef(m, deployed.namespace),
          path: "apiVersion",
          before: m.ref.apiVersion,
          after: entry.replacement ?? null,
          remedy: `Before the cluster upgrade to ${to.max}, rewrite the stored manifest with the helm-mapkubeapis plugin (\`${MAPKUBEAPIS_PLUGIN}\`): \`${command}\` (try it with --dry-run first).`
        }
      ];
    });
  }
};

// src/core/render/helm.ts
import { spawn } from "node:child_process";
import { accessSync, constants as constants2, statSync } from "node:fs";
import { delimiter, isAbsolute, join as join2, resolve } from "node:path";

// src/core/runtime/child-env.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var INHERITED = process.platform === "win32" ? ["PATH", "SYSTEMROOT"] : ["PATH"];
var home;
function privateHome() {
  if (!home) {
    const made = mkdtempSync(join(tmpdir(), "chart-guard-home-"));
    home = made;
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  return home;
}
function childEnv(own, childHome = privateHome()) {
  const env = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== void 0) env[name] = value;
  }
  return { ...env, HOME: childHome, ...own };
}

// src/core/render/helm.ts
var HELM_NOT_FOUND = "helm not found on PATH; set the helm input / --helm";
async function locateHelm(explicit, memo) {
  const path = explicit ? resolve(explicit) : searchPath("helm");
  if (!path) return { problem: HELM_NOT_FOUND };
  if (!isExecutableFile(path)) return { problem: `helm not found at ${explicit}: not an executable file` };
  const remembered = memo?.recall(path);
  const rememberedMajor = majorOf(remembered);
  if (remembered && rememberedMajor !== void 0 && rememberedMajor >= 3) {
    return { helm: { path, version: remembered, major: rememberedMajor } };
  }
  const run = await runHelm(path, ["version", "--short"], { timeoutMs: 3e4 });
  const version = run.stdout.trim().split("\n")[0]?.trim() ?? "";
  const major = Number(/v?(\d+)\.\d+/.exec(version)?.[1]);
  if (!run.ok || !Number.isFinite(major)) {
    return {
      problem: `${path} did not run as helm (helm version --short: ${trimHelmError(run.stderr) || "no output"})`
    };
  }
  if (major < 3) return { problem: `${path} is helm ${version}; helm 3 or newer is needed` };
  await memo?.remember(path, version);
  return { helm: { path, version, major } };
}
function majorOf(version) {
  const major = Number(/^v?(\d+)\.\d+/.exec(version ?? "")?.[1]);
  return Number.isFinite(major) ? major : void 0;
}
function searchPath(name) {
  const names = process.platform === "win32" ? [`${name}.exe`, name] : [name];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const candidate of names) {
      const full = join2(dir, candidate);
      if (isExecutableFile(full)) return full;
    }
  }
  return void 0;
}
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants2.X_OK);
    return true;
  } catch {
    return false;
  }
}
var DEFAULT_TIMEOUT_MS = 12e4;
var MiB = 1024 * 1024;
var MAX_HELM_OUTPUT_BYTES = 64 * MiB;
var STDERR_HEAD_BYTES = 16 * 1024;
var STDERR_TAIL_BYTES = 64 * 1024;
function helmTemplate(helm, args, options = {}) {
  return runHelm(helm.path, ["template", ...args], options);
}
function templateArgs(t) {
  return [...templateFlags(t), "--", t.releaseName, t.chartPath];
}
function templateFlags(t) {
  const args = ["--namespace", t.namespace, ...t.includeCrds === false ? [] : ["--include-crds"]];
  for (const file of t.valuesFiles) args.push("-f", file);
  if (t.kubeVersion) args.push("--kube-version", fullKubeVersion(t.kubeVersion));
  if (t.apiVersions?.length) args.push("--api-versions", t.apiVersions.join(","));
  return args;
}
function fullKubeVersion(version) {
  const bare = version.replace(/^v/, "");
  return /^\d+\.\d+$/.test(bare) ? `${bare}.0` : bare;
}
function commandLine(args) {
  return args.map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
}
var HELM_SOFT_MEMORY_LIMIT = "512MiB";
function helmEnv(helmHome) {
  return childEnv(
    {
      HELM_CACHE_HOME: join2(helmHome, "cache"),
      HELM_CONFIG_HOME: join2(helmHome, "config"),
      HELM_DATA_HOME: join2(helmHome, "data"),
      KUBECONFIG: join2(helmHome, "kubeconfig"),
      // absent on purpose: template needs no cluster
      // `helm template` lives a fraction of a second and allocates little: Go's collector costs it about a third of
      // its CPU (50 corpus renders: 3.1 s of CPU by default, 2.2 s without collection). Collection off, with a soft
      // limit at which Go collects again, so a huge chart stays bounded (kube-prometheus-stack's size: 124 -> 158 MB
      // peak).
      GOGC: "off",
      GOMEMLIMIT: HELM_SOFT_MEMORY_LIMIT
    },
    join2(helmHome, "home")
  );
}
function runHelm(path, args, options) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? MAX_HELM_OUTPUT_BYTES;
  const env = helmEnv(options.helmHome ?? join2(privateHome(), "helm"));
  const started = performance.now();
  return new Promise((done) => {
    const out = [];
    let outBytes = options.bytesPrintedBefore ?? 0;
    const err = new HeadAndTail(STDERR_HEAD_BYTES, STDERR_TAIL_BYTES);
    let timedOut = false;
    let outputTooLarge = false;
    let settled = false;
    const finish = (exitCode, spawnError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      release();
      const durationMs = Math.round(performance.now() - started);
      let stderr = err.text();
      if (spawnError) stderr = `${stderr}${spawnError}`;
      if (timedOut) stderr = `Error: helm did not finish within ${Math.round(timeoutMs / 1e3)} s
${stderr}`;
      if (outputTooLarge) stderr = `Error: output over ${megabytes(maxOutputBytes)}; helm was stopped there
${stderr}`;
      const ok = exitCode === 0 && !timedOut && !outputTooLarge && !spawnError;
      const stdoutBytes = Buffer.concat(out);
      const stdout = stdoutBytes.toString("utf8");
      done({ ok, stdout, stdoutBytes, stderr, durationMs, timedOut, outputTooLarge, exitCode });
    };
    const group = process.platform !== "win32";
    const child = spawn(path, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: group });
    const killGroup = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const release = hold(killGroup);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on("data", (d) => {
      if (outputTooLarge) return;
      outBytes += d.length;
      if (outBytes > maxOutputBytes) {
        outputTooLarge = true;
        out.length = 0;
        killGroup();
        return;
      }
      out.push(d);
    });
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", (e) => finish(null, `Error: cannot run ${path}: ${e.message}`));
    child.on("close", (code2) => finish(code2));
  });
}
function megabytes(bytes) {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
var HeadAndTail = class {
  constructor(headLimit, tailLimit) {
    this.headLimit = headLimit;
    this.tailLimit = tailLimit;
  }
  headLimit;
  tailLimit;
  head = [];
  headBytes = 0;
  tail = [];
  tailBytes = 0;
  dropped = 0;
  push(chunk) {
    if (this.headBytes < this.headLimit) {
      const taken = chunk.subarray(0, this.headLimit - this.headBytes);
      this.head.push(taken);
      this.headBytes += taken.length;
      chunk = chunk.subarray(taken.length);
      if (chunk.length === 0) return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes - this.tail[0].length >= this.tailLimit) {
      const first = this.tail.shift();
      this.tailBytes -= first.length;
      this.dropped += first.length;
    }
  }
  text() {
    const head = Buffer.concat(this.head).toString("utf8");
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.tailLimit) {
      this.dropped += tail.length - this.tailLimit;
      tail = tail.subarray(tail.length - this.tailLimit);
    }
    const gap = this.dropped > 0 ? `
[… ${this.dropped} bytes of helm's messages left out …]
` : "";
    return `${head}${gap}${tail.toString("utf8")}`;
  }
};
var MAX_MESSAGE_LINES = 6;
var MAX_MESSAGE_CHARS = 1e3;
function trimHelmError(stderr) {
  const lines = stderr.split(/\r?\n/);
  const errorAt = lines.findIndex((l) => /^Error:/.test(l));
  const relevant = (errorAt >= 0 ? lines.slice(errorAt) : lines).map((l) => l.trim()).filter((l) => l !== "" && !/^Use --debug flag/.test(l) && !/^level=(DEBUG|INFO|WARN)\b/.test(l)).slice(0, MAX_MESSAGE_LINES).map((l, i) => i === 0 ? l.replace(/^Error:\s*/, "") : l);
  const message = relevant.join(" ");
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
}
function isKubeVersionFailure(message) {
  return !!message && /chart requires kubeVersion: .+ which is incompatible with Kubernetes/.test(message);
}

// src/core/rules/render-failed.ts
var renderFailed = {
  id: "render-failed",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "error",
  description: "`helm template` failed for a version that must be rendered",
  check(ctx) {
    const findings = [];
    for (const side of ["head", "base"]) {
      const render = ctx.renders?.[side];
      if (render?.status !== "failed") continue;
      const kubeVersionOnly = isKubeVersionFailure(render.reason);
      if (kubeVersionOnly && side === "head") continue;
      findings.push(failure(ctx, side, render, kubeVersionOnly));
    }
    return findings;
  },
  preexistingKey: (finding) => failureCause(finding.message)
};
var LABEL = /^helm template (?:failed for|refused) the (?:new|old) version(?: \([^)]*\))? of [^:]*: /;
function failureCause(message) {
  return message.replace(LABEL, "").replace(/; the render-based checks had no old render to compare with\.$/, "").replace(/(\.(?:ya?ml|tpl|txt|json)):\d+(?::\d+)?/g, "$1");
}
function withoutApiList(command) {
  const match = / \\\n {2}--api-versions (\S+) \\\n /.exec(command);
  if (!match) return { command, apis: 0 };
  return { command: command.replace(match[0], ""), apis: match[1].split(",").length };
}
function failure(ctx, side, render, kubeVersionOnly) {
  const { change: change2 } = ctx;
  const version = ctx[side]?.metadata.version ?? change2[side]?.version;
  const which = side === "head" ? "new" : "old";
  const label = `the ${which} version${version ? ` (${version})` : ""} of ${change2.name}`;
  const shown = render.command ? withoutApiList(render.command) : void 0;
  const apis = shown?.apis ? ` (chart-guard also passed --api-versions with the ${shown.apis} APIs the target serves: the whole command is the render's \`command\` in the JSON report)` : "";
  const reproduce = shown ? `Reproduce at the ${side} commit with${apis}:
${shown.command}` : "";
  if (kubeVersionOnly) {
    return {
      severity: "warning",
      message: `helm template refused ${label}: ${render.reason}; the render-based checks had no old render to compare with.`,
      remedy: reproduce || void 0
    };
  }
  const reason = render.reason ?? "no message";
  const culprits = placeholderCulprits(
    reason,
    side === "head" ? ctx.overrides : ctx.baseOverrides,
    ctx.codeSet,
    ctx[side]
  );
  const place = side === "head" ? templatePlace(ctx, reason) : void 0;
  const only = culprits.length === 1 ? culprits[0].key : void 0;
  const fix = culprits.length ? `${placeholderRemedy(culprits, change2.name, ctx.config.path ?? "the chart-guard config")}
` : "";
  return {
    message: `helm template failed for ${label}: ${reason}`,
    ...only ? { file: only.file, line: only.line, path: formatKeyPath(only.path) } : place ?? (side === "head" && ctx.head ? { file: ctx.head.chartYamlPath } : {}),
    remedy: fix + (side === "head" ? culprits.length ? "" : "`helm upgrade` will fail the same way: fix the override values (or the template) the message names. " : "The old version does not render with the current values, so it could not be compared. ") + reproduce
  };
}
function templatePlace(ctx, reason) {
  const chart = ctx.head;
  const name = chart?.metadata.name;
  if (!chart || !name) return void 0;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|[\\s(:"])${escaped}/((?:charts/[^/\\s:]+/)*templates/[^\\s:)"]+):(\\d+)`).exec(reason);
  if (!match) return void 0;
  return { file: `${chart.dir}/${match[1]}`, line: Number(match[2]) };
}

// src/core/rules/render-skipped.ts
var renderSkipped = {
  id: "render-skipped",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "warning",
  description: "rendering is off (--no-render, render.enabled: false): the render-based checks did not run",
  check({ renderSkipped: skipped }) {
    if (!skipped || skipped.charts.length === 0) return [];
    return [
      {
        message: `${skippedFor(skipped.charts, skipped.reason)}${notRun(skipped.checks)}`,
        remedy: "Turn rendering on (drop --no-render, or set render.enabled: true in the base branch's config) with helm 3 or 4 available (on PATH, or the helm input / --helm) to run them."
      }
    ];
  },
  // it says what this run could not check, never a problem the base already had
  runCondition: true,
  // each shard said it for its own charts: the whole run says it once, naming the charts of every shard
  mergeShards(own, run) {
    return own.length <= 1 ? [...own] : [skippedAcrossShards(own[0], run.charts)];
  }
};
var NOT_RUN = " Not run:";
function skippedFor(charts, reason) {
  const named = charts.length === 1 ? charts[0] : `${charts.length} charts (${charts.join(", ")})`;
  return `The render-based checks did not run for ${named}: ${reason}.`;
}
function notRun(checks) {
  const rules = checks?.length ? `${checks.map((id) => code(id)).join(", ")}, and ` : "";
  return `${NOT_RUN} ${rules}the render proof of override keys a template reads only through a map above them (they stay accepted).`;
}
function skippedAcrossShards(finding, charts) {
  const noRender = ["chart removed", "no chart folder to render"];
  const statuses = (chart) => chart.environments?.map((e) => e.render) ?? [chart.render];
  const skippedStatus = (chart) => statuses(chart).find((s) => s.status === "skipped" && !noRender.includes(s.reason ?? ""));
  const skipped = charts.filter(skippedStatus);
  const reason = skipped.length ? skippedStatus(skipped[0])?.reason : void 0;
  if (!reason) return finding;
  const names = [...new Set(skipped.map((chart) => chart.name))];
  const listed = finding.message.indexOf(NOT_RUN);
  return { ...finding, message: `${skippedFor(names, reason)}${listed < 0 ? "" : finding.message.slice(listed)}` };
}
function renderSkippedOf(contexts, chartRules = []) {
  const skipped = contexts.filter(
    (ctx) => [ctx.renders?.head, ctx.renders?.base, ctx.renders?.headAtMin].some((r) => r?.status === "skipped")
  );
  if (skipped.length === 0) return void 0;
  const first = [skipped[0].renders?.head, skipped[0].renders?.base].find((r) => r?.status === "skipped");
  return {
    reason: first?.reason ?? "no reason given",
    charts: [...new Set(skipped.map((ctx) => ctx.change.name))],
    checks: chartRules.filter((rule) => rule.needs.renders).map((rule) => rule.id)
  };
}

// src/core/rules/analysis/statefulset-successor.ts
function isStatefulSet(m) {
  return m.group === "apps" && m.ref.kind === "StatefulSet";
}
function claimTemplateNames(m) {
  const templates = getAt(m.object, ["spec", "volumeClaimTemplates"]);
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => getAt(t, ["metadata", "name"])).filter((n) => typeof n === "string" && n !== "");
}
function replicasOf(m) {
  const replicas = getAt(m.object, ["spec", "replicas"]);
  return typeof replicas === "number" && Number.isInteger(replicas) && replicas >= 0 ? replicas : 1;
}
function claimNames(m) {
  const start = getAt(m.object, ["spec", "ordinals", "start"]);
  const first = typeof start === "number" && Number.isInteger(start) && start >= 0 ? start : 0;
  const count = Math.max(replicasOf(m), 1);
  return claimTemplateNames(m).flatMap(
    (template) => Array.from({ length: count }, (_, i) => `${template}-${m.ref.name}-${first + i}`)
  );
}
function whenDeleted(m) {
  return getAt(m.object, ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"]) === "Delete" ? "Delete" : "Retain";
}
var PRIMARY_ROLES = /* @__PURE__ */ new Set(["master", "primary", "leader", "main"]);
var SECONDARY_ROLES = /* @__PURE__ */ new Set(["slave", "secondary", "replica", "replicas", "follower", "read", "reader"]);
var ROLE_LABELS = ["app.kubernetes.io/component", "component", "role"];
var APP_LABELS = ["app.kubernetes.io/name", "app", "k8s-app"];
function labelsOf(m) {
  return [
    getAt(m.object, ["spec", "selector", "matchLabels"]),
    getAt(m.object, ["spec", "template", "metadata", "labels"]),
    getAt(m.object, ["metadata", "labels"])
  ].filter(isMap);
}
function roleWord(word) {
  if (typeof word !== "string") return void 0;
  const w = word.toLowerCase();
  if (PRIMARY_ROLES.has(w)) return "primary";
  if (SECONDARY_ROLES.has(w)) return "secondary";
  return void 0;
}
function roleOf(m) {
  for (const labels of labelsOf(m)) {
    for (const key2 of ROLE_LABELS) {
      const role = roleWord(labels[key2]);
      if (role) return role;
    }
  }
  return roleWord(m.ref.name.split("-").pop());
}
function roleLabel(m) {
  for (const labels of labelsOf(m)) {
    for (const key2 of ROLE_LABELS) if (typeof labels[key2] === "string") return labels[key2];
  }
  return void 0;
}
function appOf(m) {
  for (const labels of labelsOf(m)) {
    for (const key2 of APP_LABELS) if (typeof labels[key2] === "string") return labels[key2];
  }
  return void 0;
}
function stem(name) {
  const parts = name.split("-");
  return parts.length > 1 && roleWord(parts[parts.length - 1]) ? parts.slice(0, -1).join("-") : name;
}
function claimSizes(m) {
  const templates = getAt(m.object, ["spec", "volumeClaimTemplates"]);
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => parseQuantity(getAt(t, ["spec", "resources", "requests", "storage"])));
}
var MIN_SCORE = 4;
function successorScore(old, candidate) {
  const oldTemplates = claimTemplateNames(old);
  const newTemplates = claimTemplateNames(candidate);
  if (!oldTemplates.some((t) => newTemplates.includes(t))) return void 0;
  const oldRole = roleOf(old);
  const newRole = roleOf(candidate);
  if (oldRole && newRole && oldRole !== newRole) return void 0;
  let score = 0;
  if (stem(old.ref.name) === stem(candidate.ref.name)) score += 4;
  const oldApp = appOf(old);
  const newApp = appOf(candidate);
  if (oldApp && newApp) score += oldApp === newApp ? 3 : -3;
  if (oldRole && oldRole === newRole) score += 2;
  if (oldTemplates.join() === newTemplates.join()) score += 1;
  const oldSizes = claimSizes(old);
  if (oldSizes.length > 0 && oldSizes.join() === claimSizes(candidate).join()) score += 1;
  return score >= MIN_SCORE ? score : void 0;
}
function findReplacements(match) {
  const olds = match.removed.filter((m) => isStatefulSet(m) && claimTemplateNames(m).length > 0);
  const candidates = match.added.filter(isStatefulSet);
  const scored = [];
  for (const old of olds) {
    for (const successor of candidates) {
      const score = successorScore(old, successor);
      if (score !== void 0) scored.push({ old, successor, score });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const used = /* @__PURE__ */ new Set();
  const replacements = [];
  for (const { old, successor } of scored) {
    if (used.has(old) || used.has(successor)) continue;
    used.add(old);
    used.add(successor);
    replacements.push({ old, successor });
  }
  return replacements;
}

// src/core/rules/resource-removed.ts
var KEEP = "helm.sh/resource-policy";
function isCrd2(m) {
  return m.group === "apiextensions.k8s.io" && m.ref.kind === "CustomResourceDefinition";
}
var resourceRemoved = {
  id: "resource-removed",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "notice",
  description: "a resource in the old render is absent from the new one",
  runbook: ["back-up-claims"],
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    const replaced = new Set(findReplacements(match).map((r) => r.old));
    const crdsInCrdsDir = new Set(
      renders.head.manifests.filter((m) => m.fromCrdsDir && isCrd2(m)).map((m) => m.ref.name)
    );
    const headCrds = crdsByName(renders.head);
    const leftCrdsDir = renders.base.manifests.filter((m) => m.fromCrdsDir && isCrd2(m) && !headCrds.has(m.ref.name)).map(
      (m) => ({
        message: `${describe(m)} from crds/ is no longer rendered: Helm never deletes CRDs it installed from crds/, so it stays in the cluster with its custom resources.`,
        ...baseLocation(ctx, m),
        resource: effectiveRef(m, renders.base.namespace, match.scopes),
        remedy: `Nothing to do if it is still wanted (or managed elsewhere now). Once nothing uses it, delete it by hand: \`kubectl delete ${kubectlObject("customresourcedefinition", m.ref.name)}\` (this deletes every custom resource of that type).`
      })
    );
    const released = match.removed.filter((m) => !replaced.has(m) && !(isCrd2(m) && crdsInCrdsDir.has(m.ref.name))).map((m) => {
      const target = kubectlTarget(m, renders.base, match.scopes);
      const keep = `\`kubectl annotate ${target} ${KEEP}=keep\``;
      const finding = {
        message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it.`,
        ...baseLocation(ctx, m),
        resource: effectiveRef(m, renders.base.namespace, match.scopes),
        remedy: `Nothing to do if that is intended; to keep it in the cluster, run ${keep} before upgrading.`
      };
      if (getAt(m.object, ["metadata", "annotations", KEEP]) === "keep") {
        return {
          ...finding,
          message: `${describe(m)} is no longer rendered; it is annotated ${KEEP}: keep, so Helm leaves it in the cluster, no longer managed by the release.`,
          remedy: `Delete it by hand when it is no longer needed: \`kubectl delete ${target}\`.`
        };
      }
      if (isStatefulSet(m) && claimNames(m).length > 0) {
        const claims = claimNames(m);
        const lost = whenDeleted(m) === "Delete";
        return {
          ...finding,
          ...lost ? { severity: "warning" } : {},
          message: lost ? `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it and, with whenDeleted: Delete, its ${claimsPhrase(claims)} and the data.` : `${describe(m)} is no longer rendered: \`helm upgrade\` deletes it and its pods; its ${claimsPhrase(claims)} ${claims.length === 1 ? "stays" : "stay"} behind unused with the data (whenDeleted: Retain).`,
          before: { name: m.ref.name, claims },
          after: null,
          remedy: lost ? `Back up the data first, or ${keep} before upgrading.` : `Back up or migrate the data if it is still needed, then delete the PVCs (\`kubectl delete ${kubectlObjects("pvc", claims)}${namespaceFlag(renders.base.namespace)}\`) to free the volumes.`
        };
      }
      if (m.group === "" && m.ref.kind === "PersistentVolumeClaim") {
        return {
          ...finding,
          severity: "warning",
          message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the claim, and its volume with the data when the reclaim policy is Delete.`,
          remedy: `Back up the data, or run ${keep} before upgrading.`
        };
      }
      if (isCrd2(m)) {
        return {
          ...finding,
          severity: "warning",
          message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the CRD and with it every custom resource of that type.`,
          remedy: `Run ${keep} before upgrading to keep the CRD and its custom resources.`
        };
      }
      if (m.group === "" && m.ref.kind === "Namespace") {
        return {
          ...finding,
          severity: "warning",
          message: `${describe(m)} is no longer rendered: \`helm upgrade\` deletes the namespace and everything in it.`,
          remedy: `Run ${keep} before upgrading unless everything in it should go.`
        };
      }
      return finding;
    });
    return [...released, ...leftCrdsDir];
  }
};

// src/core/rules/rule-crashed.ts
var ruleCrashed = {
  id: "rule-crashed",
  severity: "error",
  description: "a rule stopped with an internal error: its checks did not run, so the review fails instead of passing",
  // it says what this run could not check, never a problem the base already had
  runCondition: true
};
var MAX_ERROR_CHARS = 300;
function crashFinding(rule, error, severity, chart) {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split("\n")[0] ?? "";
  const reason = firstLine.length > MAX_ERROR_CHARS ? `${firstLine.slice(0, MAX_ERROR_CHARS - 1)}…` : firstLine;
  const where = chart ? ` on chart ${chart.name} (${chart.dir})` : " on the repository";
  return {
    rule: ruleCrashed.id,
    severity,
    ...chart ? { chart: chart.name } : {},
    message: `rule ${rule.id} crashed${where}: ${reason || "no message"}. Its checks did not run, so the review fails rather than pass unchecked.`,
    remedy: `This is a chart-guard bug triggered by this input: report it with the message above. Until it is fixed, set rules.${rule.id}: off in the config to review without that rule.`
  };
}

// src/core/rules/statefulset-replaced.ts
var statefulsetReplaced = {
  id: "statefulset-replaced",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, renders: true },
  severity: "error",
  description: "a StatefulSet with volumeClaimTemplates disappears and another takes its place: its volumes are orphaned",
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    return findReplacements(match).map(({ old, successor }) => {
      const oldClaims = claimNames(old);
      const newClaims = claimNames(successor);
      const deleted = whenDeleted(old) === "Delete";
      const one = oldClaims.length === 1;
      const fate = deleted ? `${one ? "is" : "are"} deleted with it (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and the data with ${one ? "it" : "them"}` : `${one ? "stays" : "stay"} behind unused with the data (whenDeleted: Retain)`;
      const existingClaim = existingClaimKey(ctx, successor);
      const reuse = existingClaim ? `point the new release at the old claim (\`--set ${existingClaim}=${oldClaims[0]}\`, if that value fits this chart)` : "point the new release at the old claim, if the chart has an existingClaim value";
      const target = kubectlTarget(old, renders.base, match.scopes);
      return {
        message: `StatefulSet ${old.ref.name} is replaced by ${successor.ref.name}: Helm deletes ${old.ref.name} after the upgrade and its ${claimsPhrase(oldClaims)} ${fate}, while ${successor.ref.name} starts with new empty ${claimsPhrase(newClaims)}.`,
        ...chartLocation(ctx, successor, "head"),
        resource: effectiveRef(old, renders.base.namespace, match.scopes),
        before: { name: old.ref.name, claims: oldClaims },
        after: { name: successor.ref.name, claims: newClaims },
        remedy: `Migrate the data: back up from ${old.ref.name} and restore into ${successor.ref.name}, or ${reuse}. To keep the old pods serving during the migration, run \`kubectl delete ${target} --cascade=orphan\` before ${remedyUpgrade(ctx, renders.head)}: the orphaned pods are no longer managed (nothing restarts them), so delete them once the data is moved.` + (deleted ? ` Set whenDeleted: Retain on ${old.ref.name} first (\`kubectl patch ${target} --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'\`), or the claims go with it.` : ""),
        needsReinstall: true
      };
    });
  },
  change: "statefulset-successor",
  runbook: ["back-up-and-replace"],
  reinstall(finding) {
    const successor = isMap(finding.after) && typeof finding.after.name === "string" ? finding.after.name : void 0;
    return {
      sentence: `StatefulSet ${finding.resource.name} is replaced${successor ? ` by ${successor}` : ""} and its volumes are orphaned`
    };
  }
};
function existingClaimKey(ctx, successor) {
  const found = [];
  const walk2 = (node, path) => {
    if (!isMap(node) || path.length > 6) return;
    for (const [key2, child] of Object.entries(node)) {
      if (key2 === "existingClaim") found.push([...path, key2]);
      else walk2(child, [...path, key2]);
    }
  };
  walk2(ctx.head?.defaults, []);
  for (const read of ctx.head?.templateReads ?? []) {
    if (read[read.length - 1] === "existingClaim" && !found.some((p) => formatKeyPath(p) === formatKeyPath(read)))
      found.push(read);
  }
  if (found.length === 0) return void 0;
  const role = roleLabel(successor);
  const preferred = role && found.find((p) => p.includes(role)) || (found.length === 1 ? found[0] : void 0);
  return preferred ? formatKeyPath(preferred) : void 0;
}

// src/core/rules/symlink-refused.ts
var symlinkRefused = {
  id: "symlink-refused",
  scope: "chart",
  modes: ["review", "lint"],
  needs: { renders: true },
  severity: "error",
  description: "a symlink in a chart folder leads out of it: it was not followed and the render ran without it",
  check(ctx) {
    const links = ctx.refusedSymlinks ?? [];
    const byLink = /* @__PURE__ */ new Map();
    for (const link of links) {
      const key2 = `${link.path}\0${link.target}`;
      const entry = byLink.get(key2) ?? { link, sides: /* @__PURE__ */ new Set() };
      entry.sides.add(link.side);
      byLink.set(key2, entry);
    }
    return [...byLink.values()].map(({ link, sides }) => {
      const where = sides.has("head") ? "" : " (in the old version only)";
      const how = link.reason === "absolute" ? "an absolute path" : "a path outside the chart folder";
      return {
        message: `${link.path} is a symlink to ${how} (${link.target})${where}: chart-guard did not follow it and rendered ${ctx.change.name} without it.`,
        ...sides.has("head") ? { file: link.path } : {},
        after: link.target,
        remedy: "Replace the link with a regular file, or point it at a file inside the chart folder; helm follows links when it loads a chart folder."
      };
    });
  }
};

// src/core/rules/analysis/stepping-stones.ts
var import_semver2 = __toESM(require_semver2(), 1);
var REQUIRED = /\b(?:must|need(?:s)? to|required|requires|have to|has to|only supported from)\b/i;
var UPGRADE = /\bupgrad/i;
var FIRST = /\b(?:before|first|prior to|intermediate|stepping)\b/i;
var TARGET = /\b(?:to|through|via)\s+(?:version\s+)?(v?(\d+)\.(\d+|x)(?:\.(\d+|x))?)/i;
function steppingStones(notes, from, to) {
  const lower = import_semver2.default.coerce(from);
  const upper = import_semver2.default.coerce(to);
  if (!lower || !upper) return [];
  const stones = /* @__PURE__ */ new Map();
  for (const note of notes) {
    for (const sentence of sentences(note.text)) {
      if (!REQUIRED.test(sentence) || !UPGRADE.test(sentence) || !FIRST.test(sentence)) continue;
      const target = TARGET.exec(sentence);
      if (!target) continue;
      const part = (s) => s === void 0 || s.toLowerCase() === "x" ? 0 : Number(s);
      const floor = import_semver2.default.coerce(`${target[2]}.${part(target[3])}.${part(target[4])}`);
      const wild = (s) => s === void 0 || s.toLowerCase() === "x" ? "x" : s;
      const stone = `${target[2]}.${wild(target[3])}.${wild(target[4])}`;
      if (!floor || !import_semver2.default.lt(lower, floor) || !import_semver2.default.lt(floor, upper) || import_semver2.default.satisfies(upper, stone)) continue;
      if (!stones.has(floor.version))
        stones.set(floor.version, { version: target[1], sentence, heading: note.heading, floor });
    }
  }
  return [...stones.values()].sort((a, b) => import_semver2.default.compare(a.floor, b.floor)).map(({ floor: _, ...stone }) => stone);
}
function sentences(text) {
  return text.replace(/```[\s\S]*?```/g, " ").split(/\n\s*\n|\n\s*[-*]\s+|(?<=[.!?])\s+(?=[A-Z`*_])/).map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean);
}

// src/core/rules/upgrade-stepping-stone.ts
var upgradeSteppingStone = {
  id: "upgrade-stepping-stone",
  scope: "chart",
  modes: ["review"],
  needs: { base: true, environment: false },
  severity: "warning",
  description: "the bump skips an intermediate version the chart's upgrade notes require first",
  check({ change: change2, upgradeNotes: notes = [], headLockfile }) {
    const from = change2.base?.version;
    const to = change2.head?.version;
    if (change2.change !== "bumped" || !from || !to) return [];
    const [first, ...later] = steppingStones(notes, from, to);
    if (!first) return [];
    const stone = first.version.replace(/^v/i, "");
    const newest = /x$/i.test(stone) ? ` (its newest ${stone} release)` : "";
    const then = later.length ? `, then ${later.map((s) => s.version).join(", ")}` : "";
    return [
      {
        message: `${change2.name} ${from} → ${to} skips ${first.version}, which its upgrade notes ("${first.heading}") require first: “${first.sentence}”`,
        file: headLockfile?.path,
        line: change2.head?.versionLine,
        before: from,
        after: to,
        remedy: `Bump ${change2.name} to ${stone} first${newest}${then}, deploy it everywhere the chart runs, then bump to ${to} in a later pull request; or split this pull request so that ${change2.name} goes through each version on its own. The runbook (--format plan) stops at this step.`
      }
    ];
  }
};

// src/core/rules/values-file-invalid.ts
var valuesFileInvalid = {
  id: "values-file-invalid",
  scope: "chart",
  modes: ["review", "lint"],
  needs: {},
  severity: "error",
  description: "an override values file cannot be parsed (helm's YAML bounds included: a self-referencing anchor, excessive alias expansion, over 5 MiB)",
  check({ head, overrides }) {
    if (!head) return [];
    return overrides.filter((file) => file.error).map(
      (file) => ({
        message: file.error.message,
        file: file.error.file || file.path,
        line: file.error.line,
        remedy: file.renderedWith ? `Fix the template in ${file.path}${file.error.line ? ` around line ${file.error.line}` : ""}, or define the variables the message names in ${file.renderedWith}.` : `Fix the YAML in ${file.path}${file.error.line ? ` around line ${file.error.line}` : ""}; ${code(`helm upgrade -f ${file.path}`)} fails on it.`
      })
    );
  }
};
var LISTED_LINES = 10;
var valuesFilePartial = {
  id: "values-file-partial",
  scope: "chart",
  modes: ["review", "lint"],
  needs: {},
  severity: "notice",
  description: "parts of an override values file were skipped (template lines, or documents helm 3 ignores): keys there were not checked",
  check({ head, overrides }) {
    if (!head) return [];
    const templates = overrides.filter((file) => !file.error && (file.skipped.length > 0 || (file.notTaken?.length ?? 0) > 0)).map((file) => {
      const listed = file.skipped.slice(0, LISTED_LINES).map((s) => `${s.line}: ${s.text.trim()}`);
      const more = file.skipped.length > LISTED_LINES ? ` and ${file.skipped.length - LISTED_LINES} more` : "";
      const notTaken = file.notTaken ?? [];
      const ranges = notTaken.map((r) => r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`);
      const branch = notTaken.length ? ` Of its template blocks, ${BRANCH_CHOICE}: lines ${ranges.join(", ")} were neither checked nor rendered.` : "";
      const first = Math.min(file.skipped[0]?.line ?? Infinity, notTaken[0]?.from ?? Infinity);
      return {
        message: `${file.path} is a template: ${file.skipped.length} line(s) were skipped and the keys they control were checked as if always set${listed.length ? ` (lines ${listed.join("; ")}${more})` : ""}.${branch}`,
        file: file.path,
        line: first,
        remedy: "Nothing to do if the checks look right; to check it exactly, give chart-guard the template context (config `templates: { engine: jinja, context: <file> }`)."
      };
    });
    const ignored = overrides.filter((file) => !file.error && file.ignoredDocuments).map((file) => {
      const { line, count } = file.ignoredDocuments;
      return {
        message: `${file.path} holds ${count} more YAML document(s) from line ${line}: helm 3 reads only the first document of a values file, so their keys are ignored and were not checked (helm 4 merges every document).`,
        file: file.path,
        line,
        remedy: "Merge the documents into one if their keys are meant to apply, or remove them."
      };
    });
    return [...templates, ...ignored];
  }
};

// src/core/rules/values-pattern-unmatched.ts
var valuesPatternUnmatched = {
  id: "values-pattern-unmatched",
  scope: "repo",
  modes: ["review", "lint"],
  needs: {},
  severity: "warning",
  description: "a values pattern matches no file for any chart: the override checks it was meant for do not run",
  check({ unmatchedPatterns }) {
    return (unmatchedPatterns ?? []).map(
      (u) => ({
        message: `The values pattern "${u.pattern}" (${u.source}) matches no file for any chart: the override checks it was meant for did not run.${u.nearest.length ? ` Nearest existing paths: ${u.nearest.join(", ")}.` : ""}`,
        ...u.file ? { file: u.file } : {},
        path: u.source,
        after: u.pattern,
        remedy: "Fix the pattern (placeholders: {chart}, {dir}, {dest}, {lockdir}; globs as in picomatch) or remove it."
      })
    );
  }
};

// src/core/rules/index.ts
var registry = [
  // the chart's own files and the lockfile
  chartDirMissing,
  chartFileInvalid,
  chartVersionMismatch,
  chartLocallyModified,
  chartDeprecated,
  kubeVersionUnsupported,
  majorUpgradeNotes,
  upgradeSteppingStone,
  // values files and overrides
  valuesFileInvalid,
  valuesFilePartial,
  overrideKeyRemoved,
  overrideKeyUnknown,
  overrideProofIncomplete,
  overrideTypeChanged,
  overrideSchemaViolation,
  codeSetKeyUndeclared,
  // the renders themselves, then rendered manifests
  renderFailed,
  symlinkRefused,
  immutableFieldChanged,
  statefulsetReplaced,
  resourceRemoved,
  crdChanged,
  crdVersionRemoved,
  crdMoved,
  apiRemoved,
  apiDeprecated,
  releaseApiRemoved,
  pdbBlocksDrain,
  pdbSelectsNothing,
  // the repository
  lockfileInvalid,
  configInvalid,
  policyChanged,
  chartDirOrphan,
  overrideFileOrphan,
  chartRunsNowhere,
  // inputs that would weaken the review in silence, said once for the run
  renderSkipped,
  valuesPatternUnmatched,
  kubeVersionUnset,
  // on the acceptance step's outcome
  acceptanceExpired,
  acceptanceStale
];
var allRules = registry;
var hooksById;
function ruleHooks(id) {
  hooksById ??= new Map(everyRule().map((rule) => [rule.id, rule]));
  return hooksById.get(id) ?? {};
}
function everyRule() {
  return [...allRules, ruleCrashed];
}
function rulesFor(mode) {
  const rules = allRules.filter((rule) => rule.modes.includes(mode));
  const repo = rules.filter((rule) => rule.scope === "repo");
  return {
    chart: rules.filter((rule) => rule.scope === "chart"),
    repo: repo.filter((rule) => !rule.needs.acceptances),
    acceptances: repo.filter((rule) => rule.needs.acceptances === true)
  };
}
function ruleDescriptions() {
  return Object.fromEntries([...allRules, ruleCrashed].map((rule) => [rule.id, rule.description]));
}

// src/format/describe.ts
var SEVERITIES = ["error", "warning", "notice"];
function countBySeverity(findings) {
  const counts2 = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) if (!finding.accepted) counts2[finding.severity]++;
  return counts2;
}
function acceptedFindings(report) {
  return [
    ...report.findings.filter((f) => f.accepted).map((finding) => ({ finding })),
    ...report.charts.flatMap(
      (chart) => chart.findings.filter((f) => f.accepted).map((finding) => ({ finding, chart }))
    )
  ];
}
var AWAITING_APPROVAL = "still counted until someone other than the author (an approver the base policy names, when it names any) approves the pull request after the acceptances file last changed";
function awaitingApprovalFindings(report) {
  return [
    ...report.findings.filter((f) => f.awaitingApproval).map((finding) => ({ finding })),
    ...report.charts.flatMap(
      (chart) => chart.findings.filter((f) => f.awaitingApproval).map((finding) => ({ finding, chart }))
    )
  ];
}
function groupThousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function countOf(count, singular2, plural = `${singular2}s`) {
  return `${groupThousands(count)} ${count === 1 ? singular2 : plural}`;
}
function severityCountsText(counts2) {
  return SEVERITIES.filter((s) => counts2[s] > 0).map((s) => countOf(counts2[s], s)).join(", ");
}
function versionChange(chart) {
  if (chart.from === null && chart.to === null) return "";
  if (chart.from === null) return chart.change === "added" ? `new: ${chart.to}` : chart.to ?? "";
  if (chart.to === null) return `removed: ${chart.from}`;
  return chart.from === chart.to ? chart.to : `${chart.from} → ${chart.to}`;
}
function changeClass(chart) {
  switch (chart.change) {
    case "bumped":
      return chart.semverChange ?? "other";
    case "moved":
      return chart.semverChange ? `moved, ${chart.semverChange}` : "moved";
    case "overrides-changed":
      return "overrides only";
    case "modified":
      return "folder edited";
    case "unchanged":
      return "unchanged";
    default:
      return chart.change;
  }
}
function describeResource(resource) {
  const name = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
  return `${resource.kind} ${name} (${resource.apiVersion})`;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? "") ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
function describeValue(value, max = 160) {
  if (value === void 0) return "(absent)";
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return truncate(text, max);
}
function hasChange(finding) {
  return finding.before !== void 0 || finding.after !== void 0;
}
function findingPlace(finding, report, chart) {
  const owner = chart ?? (finding.chart ? report.charts.find((c) => c.name === finding.chart) : void 0);
  if (finding.file) {
    const line = finding.line ?? (finding.file === report.lockfile ? owner?.lockfileLine : void 0);
    const commit = finding.fileAtBase && report.base?.sha ? { commit: report.base.sha } : {};
    return line === void 0 ? { file: finding.file, ...commit } : { file: finding.file, line, ...commit };
  }
  if (!owner) return void 0;
  return owner.lockfileLine === void 0 ? { file: report.lockfile } : { file: report.lockfile, line: owner.lockfileLine };
}
function placeText(place) {
  const at = place.line === void 0 ? place.file : `${place.file}:${place.line}`;
  return place.commit ? `${at} (base ${place.commit.slice(0, 7)})` : at;
}
function headPlace(finding, report, chart) {
  const place = findingPlace(finding, report, chart);
  if (!place?.commit) return place;
  const { file: _file, line: _line, fileAtBase: _atBase, ...rest } = finding;
  return findingPlace(rest, report, chart);
}
function shownCharts(report) {
  const shown = report.mode === "lint" ? report.charts : report.charts.filter((c) => c.change !== "unchanged" || c.findings.length > 0);
  const rank = (c) => {
    const counts2 = countBySeverity(c.findings);
    return counts2.error > 0 ? 0 : counts2.warning > 0 ? 1 : 2;
  };
  return shown.map((chart, index) => ({ chart, index })).sort((a, b) => rank(a.chart) - rank(b.chart) || a.index - b.index).map((e) => e.chart);
}
function chartsCounted(report, charts) {
  if (report.mode === "lint") return countOf(charts.length, "chart");
  const changed = charts.filter((c) => c.change !== "unchanged").length;
  const unchanged = charts.length - changed;
  if (unchanged === 0) return countOf(changed, "changed chart");
  const others = countOf(unchanged, "unchanged chart");
  return changed > 0 ? `${countOf(changed, "changed chart")} and ${others}` : others;
}
function findingsOf(chart, severity) {
  return sortFindings(chart.findings.filter((f) => f.severity === severity && !f.accepted));
}
var COMMAND_LINE = /^\s*(?:\$\s+)?(?:kubectl|helm|helm-freeze|oc|git|yq|sed|kustomize|flux|argocd)\s/;
function splitRemedy(remedy2) {
  const parts = [];
  let inCommands = false;
  for (const line of remedy2.replace(/\r\n?/g, "\n").split("\n")) {
    const previous = parts[parts.length - 1];
    const continues = inCommands && (/\\\s*$/.test(previous?.text ?? "") || /^\s*#/.test(line));
    const kind = COMMAND_LINE.test(line) || continues ? "commands" : "prose";
    inCommands = kind === "commands";
    if (line.trim() === "" && kind === "prose") {
      if (previous?.kind === "prose") previous.text += "\n";
      continue;
    }
    if (previous?.kind === kind) previous.text += `
${line}`;
    else parts.push({ kind, text: line });
  }
  return parts.map((p) => ({ kind: p.kind, text: p.text.trim() === "" ? "" : p.text.replace(/\n+$/, "") })).filter((p) => p.text !== "");
}
function placeUrl(place, linkBase) {
  if (!linkBase || !/^https?:\/\/[^\s()<>]+$/.test(linkBase)) return void 0;
  const blob = /\/blob\/[^/]+\/*$/;
  if (place.commit && !blob.test(linkBase)) return void 0;
  const atCommit = place.commit ? linkBase.replace(blob, `/blob/${place.commit}`) : linkBase;
  const path = place.file.split("/").map((segment) => encodeURIComponent(segment)).join("/");
  return `${atCommit.replace(/\/+$/, "")}/${path}${place.line === void 0 ? "" : `#L${place.line}`}`;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isScalar2(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
function labelsText(labels) {
  const entries = Object.entries(labels);
  return entries.length === 0 ? "(none)" : entries.map(([k, v]) => `${k}=${String(v)}`).join(", ");
}
function listText(items) {
  return items.length === 0 ? "(none)" : items.map((i) => isScalar2(i) ? String(i) : describeValue(i, 80)).join(", ");
}
function sideText(value, max = 160) {
  if (value === void 0) return "(absent)";
  if (Array.isArray(value) && value.every(isScalar2)) return truncate(listText(value), max);
  if (isPlainObject(value) && Object.values(value).every(isScalar2)) return truncate(labelsText(value), max);
  return describeValue(value, max);
}
function changeLines(finding) {
  const { before, after } = finding;
  const shape = ruleHooks(finding.rule).change;
  if (shape === "statefulset-successor" && isPlainObject(before) && isPlainObject(after)) {
    const lines = [{ label: "name", before: String(before.name), after: String(after.name) }];
    if (Array.isArray(before.claims) || Array.isArray(after.claims)) {
      lines.push({ label: "claims", before: sideText(before.claims ?? []), after: sideText(after.claims ?? []) });
    }
    return lines;
  }
  if (shape === "crd-versions-and-schema" && isPlainObject(after) && Array.isArray(after.crds)) {
    return after.crds.filter(isPlainObject).flatMap((crd) => {
      const name = String(crd.name);
      const fields = isPlainObject(crd.before) && isPlainObject(crd.after) ? crdLines(crd.before, crd.after).filter((line) => line.label.endsWith(" schema")) : [];
      return [{ label: name, text: String(crd.change) }, ...fields.map((l) => ({ ...l, label: `${name} ${l.label}` }))];
    });
  }
  if (shape === "crd-versions-and-schema" && (isPlainObject(before) || before === null) && isPlainObject(after)) {
    return crdLines(isPlainObject(before) ? before : void 0, after);
  }
  if (shape === "served-versions" && Array.isArray(before) && Array.isArray(after)) {
    return versionLines(before.map(String), after.map(String));
  }
  if (shape === "per-field" && isPlainObject(before) && isPlainObject(after)) {
    const fields = Object.keys(after);
    if (fields.length > 1 && fields[0] === finding.path) {
      return fields.map((field) => ({ label: field, before: sideText(before[field]), after: sideText(after[field]) }));
    }
  }
  return [{ label: "change", before: sideText(before), after: sideText(after) }];
}
function versionLines(before, after) {
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  const lines = [];
  if (added.length) lines.push({ label: "versions added", text: added.join(", ") });
  if (removed.length) lines.push({ label: "versions removed", text: removed.join(", ") });
  if (lines.length === 0) lines.push({ label: "versions", text: after.join(", ") || "(none)" });
  return lines;
}
function crdLines(before, after) {
  const versions = (side) => Array.isArray(side?.versions) ? side.versions.map(String) : [];
  if (!before) {
    return [
      { label: "versions", text: versions(after).join(", ") || "(none)" },
      { label: "storage version", text: String(after.storageVersion ?? "(none)") }
    ];
  }
  const lines = versionLines(versions(before), versions(after)).filter((l) => l.label !== "versions");
  if (before.storageVersion !== after.storageVersion) {
    lines.push({
      label: "storage version",
      before: String(before.storageVersion ?? "(none)"),
      after: String(after.storageVersion ?? "(none)")
    });
  }
  const fields = Array.isArray(after.schemaFields) ? after.schemaFields.filter(isPlainObject) : [];
  for (const version of fields) {
    const list = (key2) => Array.isArray(version[key2]) ? version[key2].map(String) : [];
    const parts = [
      ["fields added", list("added")],
      ["removed", list("removed")],
      ["newly required", list("required")]
    ].filter(([, items]) => items.length > 0).map(([label, items]) => `${label}: ${fieldList(items)}`);
    lines.push({
      label: `${String(version.version)} schema`,
      text: parts.length ? parts.join("; ") : "constraints changed"
    });
  }
  if (after.schemaChanged && fields.length === 0) lines.push({ label: "schema", text: "changed" });
  return lines;
}
function fieldList(items, cap = 8) {
  const shown = items.slice(0, cap).join(", ");
  return items.length > cap ? `${shown} and ${items.length - cap} more` : shown;
}
var nameCounts = /* @__PURE__ */ new WeakMap();
function chartLabel(chart, report) {
  let counts2 = nameCounts.get(report);
  if (!counts2) {
    counts2 = /* @__PURE__ */ new Map();
    for (const c of report.charts) counts2.set(c.name, (counts2.get(c.name) ?? 0) + 1);
    nameCounts.set(report, counts2);
  }
  return (counts2.get(chart.name) ?? 0) > 1 && chart.dir ? chart.dir : chart.name;
}

// src/format/kubernetes.ts
function kubernetesText(report) {
  const entries = Object.entries(report.kubernetes ?? {});
  if (entries.length === 0) return report.kubernetesVersion ?? void 0;
  if (entries.every(([, version]) => version === entries[0][1])) return entries[0][1] ?? void 0;
  return entries.map(([name, version]) => `${name} ${version ?? "unset"}`).join(", ");
}
function kubernetesOf(report, environment) {
  return report.kubernetes?.[environment] ?? report.kubernetesVersion;
}
function kubernetesUnset(report) {
  if (kubernetesText(report) === void 0) return "all";
  return Object.entries(report.kubernetes ?? {}).flatMap(([name, version]) => version === null ? [name] : []);
}

export {
  hold,
  releaseAll,
  releaseOnSignals,
  require_dist,
  HELM_MAX_FILE_BYTES,
  depthMessage,
  aliasTargets,
  unresolvedAlias,
  checkYamlBounds,
  mayHoldAliases,
  formatKeyPath,
  parseSetKeyPath,
  KeyPathError,
  isPrefix,
  getAt,
  hasAt,
  valueType,
  isMap,
  ownValue,
  setOwn,
  mergeValueMaps,
  normaliseKubeVersion,
  compareKubeVersions,
  resolveEnvironments,
  mergeSetKeys,
  emptyChartConfig,
  normaliseChartKey,
  chartConfigFor,
  environmentChartFor,
  runsIn,
  chartConfigIn,
  findingIdentity,
  findingFingerprint,
  documentFacts,
  crdFactsOf,
  crdDefines,
  effectiveRef,
  matchRenders,
  templateObjects,
  renderedPair,
  chartFile,
  DocumentMemo,
  documentDigest,
  printedAlike,
  semanticEqual,
  clone,
  isCrd,
  crdApplyCommand,
  shellWord,
  kubectlObject,
  kubectlSlashObject,
  namespaceFlag,
  selectorWord,
  joinWords,
  helmUpgradeCommand,
  isTemplated,
  environmentCodeSet,
  envName,
  REDACTED,
  CredentialMatcher,
  pathOf,
  redactTree,
  chartSecrets,
  configSecrets,
  diffDefaults,
  BranchChooser,
  withPlaceholders,
  require_semver2 as require_semver,
  renameSuggestions,
  servedApiVersions,
  MAPKUBEAPIS_PLUGIN,
  childEnv,
  HELM_NOT_FOUND,
  locateHelm,
  MAX_HELM_OUTPUT_BYTES,
  helmTemplate,
  templateArgs,
  templateFlags,
  commandLine,
  trimHelmError,
  isKubeVersionFailure,
  renderSkippedOf,
  replicasOf,
  whenDeleted,
  ruleCrashed,
  crashFinding,
  steppingStones,
  allRules,
  ruleHooks,
  rulesFor,
  ruleDescriptions,
  SCHEMA_VERSION,
  SEVERITY_ORDER,
  allFindings,
  isPreexisting,
  summarise,
  verdictOf,
  sortFindings,
  worstRenderStatus,
  SEVERITIES,
  countBySeverity,
  acceptedFindings,
  AWAITING_APPROVAL,
  awaitingApprovalFindings,
  groupThousands,
  countOf,
  severityCountsText,
  versionChange,
  changeClass,
  describeResource,
  describeValue,
  hasChange,
  findingPlace,
  placeText,
  headPlace,
  shownCharts,
  chartsCounted,
  findingsOf,
  splitRemedy,
  placeUrl,
  changeLines,
  chartLabel,
  kubernetesText,
  kubernetesOf,
  kubernetesUnset
};
