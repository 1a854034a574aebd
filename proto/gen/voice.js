/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const voice = $root.voice = (() => {

    /**
     * Namespace voice.
     * @exports voice
     * @namespace
     */
    const voice = {};

    /**
     * SignalType enum.
     * @name voice.SignalType
     * @enum {number}
     * @property {number} CALL_INVITE=0 CALL_INVITE value
     * @property {number} CALL_ACCEPT=1 CALL_ACCEPT value
     * @property {number} CALL_REJECT=2 CALL_REJECT value
     * @property {number} CALL_CANCEL=3 CALL_CANCEL value
     * @property {number} CALL_HANGUP=4 CALL_HANGUP value
     * @property {number} CALL_BUSY=5 CALL_BUSY value
     * @property {number} CALL_CHAIN_LINK=6 CALL_CHAIN_LINK value
     * @property {number} SDP_OFFER=10 SDP_OFFER value
     * @property {number} SDP_ANSWER=11 SDP_ANSWER value
     * @property {number} ICE_CANDIDATE=12 ICE_CANDIDATE value
     * @property {number} ROOM_JOIN=20 ROOM_JOIN value
     * @property {number} ROOM_LEAVE=21 ROOM_LEAVE value
     * @property {number} ROOM_MUTE=22 ROOM_MUTE value
     * @property {number} ROOM_ROLE=23 ROOM_ROLE value
     * @property {number} ROOM_KICK=24 ROOM_KICK value
     * @property {number} ROOM_STATE=25 ROOM_STATE value
     * @property {number} ROOM_RAISE_HAND=26 ROOM_RAISE_HAND value
     * @property {number} ROOM_SPEAKING=27 ROOM_SPEAKING value
     * @property {number} ROOM_TURN=28 ROOM_TURN value
     * @property {number} ROOM_MODERATION=29 ROOM_MODERATION value
     * @property {number} HEARTBEAT=30 HEARTBEAT value
     * @property {number} HEARTBEAT_ACK=31 HEARTBEAT_ACK value
     * @property {number} AUTH_CHALLENGE=40 AUTH_CHALLENGE value
     * @property {number} AUTH_RESPONSE=41 AUTH_RESPONSE value
     * @property {number} AUTH_OK=42 AUTH_OK value
     * @property {number} LOGOUT=43 LOGOUT value
     * @property {number} ERROR=50 ERROR value
     * @property {number} ACK=51 ACK value
     * @property {number} VOICE_MESSAGE=60 VOICE_MESSAGE value
     * @property {number} KEYS_PUBLISH=70 KEYS_PUBLISH value
     * @property {number} KEYS_LOOKUP=71 KEYS_LOOKUP value
     * @property {number} KEYS_RESULT=72 KEYS_RESULT value
     * @property {number} DELEGATION_LOOKUP=73 DELEGATION_LOOKUP value
     * @property {number} DELEGATION_RESULT=74 DELEGATION_RESULT value
     * @property {number} TURN_REFRESH=75 TURN_REFRESH value
     * @property {number} TURN_CREDENTIALS=76 TURN_CREDENTIALS value
     * @property {number} ROOM_JSEP=80 ROOM_JSEP value
     * @property {number} ROOM_TRICKLE=81 ROOM_TRICKLE value
     * @property {number} ROOM_TIP=82 ROOM_TIP value
     * @property {number} ROOM_CLOSE=83 ROOM_CLOSE value
     * @property {number} ROOM_MODE=84 ROOM_MODE value
     */
    voice.SignalType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "CALL_INVITE"] = 0;
        values[valuesById[1] = "CALL_ACCEPT"] = 1;
        values[valuesById[2] = "CALL_REJECT"] = 2;
        values[valuesById[3] = "CALL_CANCEL"] = 3;
        values[valuesById[4] = "CALL_HANGUP"] = 4;
        values[valuesById[5] = "CALL_BUSY"] = 5;
        values[valuesById[6] = "CALL_CHAIN_LINK"] = 6;
        values[valuesById[10] = "SDP_OFFER"] = 10;
        values[valuesById[11] = "SDP_ANSWER"] = 11;
        values[valuesById[12] = "ICE_CANDIDATE"] = 12;
        values[valuesById[20] = "ROOM_JOIN"] = 20;
        values[valuesById[21] = "ROOM_LEAVE"] = 21;
        values[valuesById[22] = "ROOM_MUTE"] = 22;
        values[valuesById[23] = "ROOM_ROLE"] = 23;
        values[valuesById[24] = "ROOM_KICK"] = 24;
        values[valuesById[25] = "ROOM_STATE"] = 25;
        values[valuesById[26] = "ROOM_RAISE_HAND"] = 26;
        values[valuesById[27] = "ROOM_SPEAKING"] = 27;
        values[valuesById[28] = "ROOM_TURN"] = 28;
        values[valuesById[29] = "ROOM_MODERATION"] = 29;
        values[valuesById[30] = "HEARTBEAT"] = 30;
        values[valuesById[31] = "HEARTBEAT_ACK"] = 31;
        values[valuesById[40] = "AUTH_CHALLENGE"] = 40;
        values[valuesById[41] = "AUTH_RESPONSE"] = 41;
        values[valuesById[42] = "AUTH_OK"] = 42;
        values[valuesById[43] = "LOGOUT"] = 43;
        values[valuesById[50] = "ERROR"] = 50;
        values[valuesById[51] = "ACK"] = 51;
        values[valuesById[60] = "VOICE_MESSAGE"] = 60;
        values[valuesById[70] = "KEYS_PUBLISH"] = 70;
        values[valuesById[71] = "KEYS_LOOKUP"] = 71;
        values[valuesById[72] = "KEYS_RESULT"] = 72;
        values[valuesById[73] = "DELEGATION_LOOKUP"] = 73;
        values[valuesById[74] = "DELEGATION_RESULT"] = 74;
        values[valuesById[75] = "TURN_REFRESH"] = 75;
        values[valuesById[76] = "TURN_CREDENTIALS"] = 76;
        values[valuesById[80] = "ROOM_JSEP"] = 80;
        values[valuesById[81] = "ROOM_TRICKLE"] = 81;
        values[valuesById[82] = "ROOM_TIP"] = 82;
        values[valuesById[83] = "ROOM_CLOSE"] = 83;
        values[valuesById[84] = "ROOM_MODE"] = 84;
        return values;
    })();

    voice.SignalMessage = (function() {

        /**
         * Properties of a SignalMessage.
         * @typedef {Object} voice.SignalMessage.$Properties
         * @property {voice.SignalType|null} [type] SignalMessage type
         * @property {string|null} [from] SignalMessage from
         * @property {string|null} [to] SignalMessage to
         * @property {string|null} [callId] SignalMessage callId
         * @property {string|null} [roomId] SignalMessage roomId
         * @property {Uint8Array|null} [payload] SignalMessage payload
         * @property {Long|null} [timestamp] SignalMessage timestamp
         * @property {Uint8Array|null} [signature] SignalMessage signature
         * @property {Uint8Array|null} [nonce] SignalMessage nonce
         * @property {number|null} [requestId] SignalMessage requestId
         * @property {Uint8Array|null} [sessionKey] SignalMessage sessionKey
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SignalMessage.
         * @memberof voice
         * @interface ISignalMessage
         * @augments voice.SignalMessage.$Properties
         * @deprecated Use voice.SignalMessage.$Properties instead.
         */

        /**
         * Shape of a SignalMessage.
         * @typedef {voice.SignalMessage.$Properties} voice.SignalMessage.$Shape
         */

        /**
         * Constructs a new SignalMessage.
         * @memberof voice
         * @classdesc Represents a SignalMessage.
         * @constructor
         * @param {voice.SignalMessage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SignalMessage = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SignalMessage type.
         * @member {voice.SignalType|null|undefined} type
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.type = null;

        /**
         * SignalMessage from.
         * @member {string} from
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.from = "";

        /**
         * SignalMessage to.
         * @member {string} to
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.to = "";

        /**
         * SignalMessage callId.
         * @member {string} callId
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.callId = "";

        /**
         * SignalMessage roomId.
         * @member {string} roomId
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.roomId = "";

        /**
         * SignalMessage payload.
         * @member {Uint8Array} payload
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.payload = $util.newBuffer([]);

        /**
         * SignalMessage timestamp.
         * @member {Long} timestamp
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SignalMessage signature.
         * @member {Uint8Array} signature
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.signature = $util.newBuffer([]);

        /**
         * SignalMessage nonce.
         * @member {Uint8Array} nonce
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.nonce = $util.newBuffer([]);

        /**
         * SignalMessage requestId.
         * @member {number} requestId
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.requestId = 0;

        /**
         * SignalMessage sessionKey.
         * @member {Uint8Array} sessionKey
         * @memberof voice.SignalMessage
         * @instance
         */
        SignalMessage.prototype.sessionKey = $util.newBuffer([]);

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(SignalMessage.prototype, "_type", {
            get: $util.oneOfGetter($oneOfFields = ["type"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new SignalMessage instance using the specified properties.
         * @function create
         * @memberof voice.SignalMessage
         * @static
         * @param {voice.SignalMessage.$Properties=} [properties] Properties to set
         * @returns {voice.SignalMessage} SignalMessage instance
         * @type {{
         *   (properties: voice.SignalMessage.$Shape): voice.SignalMessage & voice.SignalMessage.$Shape;
         *   (properties?: voice.SignalMessage.$Properties): voice.SignalMessage;
         * }}
         */
        SignalMessage.create = function(properties) {
            return new SignalMessage(properties);
        };

        /**
         * Encodes the specified SignalMessage message. Does not implicitly {@link voice.SignalMessage.verify|verify} messages.
         * @function encode
         * @memberof voice.SignalMessage
         * @static
         * @param {voice.SignalMessage.$Properties} message SignalMessage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SignalMessage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.from);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.to);
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.callId);
            if (message.roomId != null && $Object.hasOwnProperty.call(message, "roomId") && message.roomId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.roomId);
            if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.payload);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).int64(message.timestamp);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.signature);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.nonce);
            if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== 0)
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.requestId);
            if (message.sessionKey != null && $Object.hasOwnProperty.call(message, "sessionKey") && message.sessionKey.length)
                writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.sessionKey);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SignalMessage message from the specified reader or buffer.
         * @function decode
         * @memberof voice.SignalMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.SignalMessage & voice.SignalMessage.$Shape} SignalMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SignalMessage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.SignalMessage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        message.type = reader.int32();
                        message._type = "type";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.roomId = value;
                        else
                            delete message.roomId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.payload = value;
                        else
                            delete message.payload;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.requestId = value;
                        else
                            delete message.requestId;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.sessionKey = value;
                        else
                            delete message.sessionKey;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SignalMessage;
    })();

    voice.CallInvite = (function() {

        /**
         * Properties of a CallInvite.
         * @typedef {Object} voice.CallInvite.$Properties
         * @property {string|null} [callerName] CallInvite callerName
         * @property {string|null} [callerAvatar] CallInvite callerAvatar
         * @property {voice.CallType|null} [callType] CallInvite callType
         * @property {voice.SessionDelegation.$Properties|null} [delegation] CallInvite delegation
         * @property {boolean|null} [hd] CallInvite hd
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallInvite.
         * @memberof voice
         * @interface ICallInvite
         * @augments voice.CallInvite.$Properties
         * @deprecated Use voice.CallInvite.$Properties instead.
         */

        /**
         * Shape of a CallInvite.
         * @typedef {voice.CallInvite.$Properties} voice.CallInvite.$Shape
         */

        /**
         * Constructs a new CallInvite.
         * @memberof voice
         * @classdesc Represents a CallInvite.
         * @constructor
         * @param {voice.CallInvite.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallInvite = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallInvite callerName.
         * @member {string} callerName
         * @memberof voice.CallInvite
         * @instance
         */
        CallInvite.prototype.callerName = "";

        /**
         * CallInvite callerAvatar.
         * @member {string} callerAvatar
         * @memberof voice.CallInvite
         * @instance
         */
        CallInvite.prototype.callerAvatar = "";

        /**
         * CallInvite callType.
         * @member {voice.CallType|null|undefined} callType
         * @memberof voice.CallInvite
         * @instance
         */
        CallInvite.prototype.callType = null;

        /**
         * CallInvite delegation.
         * @member {voice.SessionDelegation.$Properties|null|undefined} delegation
         * @memberof voice.CallInvite
         * @instance
         */
        CallInvite.prototype.delegation = null;

        /**
         * CallInvite hd.
         * @member {boolean} hd
         * @memberof voice.CallInvite
         * @instance
         */
        CallInvite.prototype.hd = false;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(CallInvite.prototype, "_callType", {
            get: $util.oneOfGetter($oneOfFields = ["callType"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new CallInvite instance using the specified properties.
         * @function create
         * @memberof voice.CallInvite
         * @static
         * @param {voice.CallInvite.$Properties=} [properties] Properties to set
         * @returns {voice.CallInvite} CallInvite instance
         * @type {{
         *   (properties: voice.CallInvite.$Shape): voice.CallInvite & voice.CallInvite.$Shape;
         *   (properties?: voice.CallInvite.$Properties): voice.CallInvite;
         * }}
         */
        CallInvite.create = function(properties) {
            return new CallInvite(properties);
        };

        /**
         * Encodes the specified CallInvite message. Does not implicitly {@link voice.CallInvite.verify|verify} messages.
         * @function encode
         * @memberof voice.CallInvite
         * @static
         * @param {voice.CallInvite.$Properties} message CallInvite message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallInvite.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callerName != null && $Object.hasOwnProperty.call(message, "callerName") && message.callerName !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callerName);
            if (message.callerAvatar != null && $Object.hasOwnProperty.call(message, "callerAvatar") && message.callerAvatar !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.callerAvatar);
            if (message.callType != null && $Object.hasOwnProperty.call(message, "callType"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.callType);
            if (message.delegation != null && $Object.hasOwnProperty.call(message, "delegation"))
                $root.voice.SessionDelegation.encode(message.delegation, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.hd != null && $Object.hasOwnProperty.call(message, "hd") && message.hd !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.hd);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallInvite message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallInvite
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallInvite & voice.CallInvite.$Shape} CallInvite
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallInvite.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallInvite();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callerName = value;
                        else
                            delete message.callerName;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callerAvatar = value;
                        else
                            delete message.callerAvatar;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.callType = reader.int32();
                        message._callType = "callType";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.delegation = $root.voice.SessionDelegation.decode(reader, reader.size(), $undefined, _depth + 1, message.delegation);
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.hd = value;
                        else
                            delete message.hd;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallInvite;
    })();

    voice.CallAccept = (function() {

        /**
         * Properties of a CallAccept.
         * @typedef {Object} voice.CallAccept.$Properties
         * @property {voice.SessionDelegation.$Properties|null} [delegation] CallAccept delegation
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallAccept.
         * @memberof voice
         * @interface ICallAccept
         * @augments voice.CallAccept.$Properties
         * @deprecated Use voice.CallAccept.$Properties instead.
         */

        /**
         * Shape of a CallAccept.
         * @typedef {voice.CallAccept.$Properties} voice.CallAccept.$Shape
         */

        /**
         * Constructs a new CallAccept.
         * @memberof voice
         * @classdesc Represents a CallAccept.
         * @constructor
         * @param {voice.CallAccept.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallAccept = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallAccept delegation.
         * @member {voice.SessionDelegation.$Properties|null|undefined} delegation
         * @memberof voice.CallAccept
         * @instance
         */
        CallAccept.prototype.delegation = null;

        /**
         * Creates a new CallAccept instance using the specified properties.
         * @function create
         * @memberof voice.CallAccept
         * @static
         * @param {voice.CallAccept.$Properties=} [properties] Properties to set
         * @returns {voice.CallAccept} CallAccept instance
         * @type {{
         *   (properties: voice.CallAccept.$Shape): voice.CallAccept & voice.CallAccept.$Shape;
         *   (properties?: voice.CallAccept.$Properties): voice.CallAccept;
         * }}
         */
        CallAccept.create = function(properties) {
            return new CallAccept(properties);
        };

        /**
         * Encodes the specified CallAccept message. Does not implicitly {@link voice.CallAccept.verify|verify} messages.
         * @function encode
         * @memberof voice.CallAccept
         * @static
         * @param {voice.CallAccept.$Properties} message CallAccept message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallAccept.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.delegation != null && $Object.hasOwnProperty.call(message, "delegation"))
                $root.voice.SessionDelegation.encode(message.delegation, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallAccept message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallAccept
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallAccept & voice.CallAccept.$Shape} CallAccept
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallAccept.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallAccept();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.delegation = $root.voice.SessionDelegation.decode(reader, reader.size(), $undefined, _depth + 1, message.delegation);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallAccept;
    })();

    voice.CallReject = (function() {

        /**
         * Properties of a CallReject.
         * @typedef {Object} voice.CallReject.$Properties
         * @property {voice.RejectReason|null} [reason] CallReject reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallReject.
         * @memberof voice
         * @interface ICallReject
         * @augments voice.CallReject.$Properties
         * @deprecated Use voice.CallReject.$Properties instead.
         */

        /**
         * Shape of a CallReject.
         * @typedef {voice.CallReject.$Properties} voice.CallReject.$Shape
         */

        /**
         * Constructs a new CallReject.
         * @memberof voice
         * @classdesc Represents a CallReject.
         * @constructor
         * @param {voice.CallReject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallReject = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallReject reason.
         * @member {voice.RejectReason} reason
         * @memberof voice.CallReject
         * @instance
         */
        CallReject.prototype.reason = 0;

        /**
         * Creates a new CallReject instance using the specified properties.
         * @function create
         * @memberof voice.CallReject
         * @static
         * @param {voice.CallReject.$Properties=} [properties] Properties to set
         * @returns {voice.CallReject} CallReject instance
         * @type {{
         *   (properties: voice.CallReject.$Shape): voice.CallReject & voice.CallReject.$Shape;
         *   (properties?: voice.CallReject.$Properties): voice.CallReject;
         * }}
         */
        CallReject.create = function(properties) {
            return new CallReject(properties);
        };

        /**
         * Encodes the specified CallReject message. Does not implicitly {@link voice.CallReject.verify|verify} messages.
         * @function encode
         * @memberof voice.CallReject
         * @static
         * @param {voice.CallReject.$Properties} message CallReject message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallReject.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallReject message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallReject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallReject & voice.CallReject.$Shape} CallReject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallReject.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallReject();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallReject;
    })();

    voice.CallBusy = (function() {

        /**
         * Properties of a CallBusy.
         * @typedef {Object} voice.CallBusy.$Properties
         * @property {voice.RejectReason|null} [reason] CallBusy reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallBusy.
         * @memberof voice
         * @interface ICallBusy
         * @augments voice.CallBusy.$Properties
         * @deprecated Use voice.CallBusy.$Properties instead.
         */

        /**
         * Shape of a CallBusy.
         * @typedef {voice.CallBusy.$Properties} voice.CallBusy.$Shape
         */

        /**
         * Constructs a new CallBusy.
         * @memberof voice
         * @classdesc Represents a CallBusy.
         * @constructor
         * @param {voice.CallBusy.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallBusy = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallBusy reason.
         * @member {voice.RejectReason} reason
         * @memberof voice.CallBusy
         * @instance
         */
        CallBusy.prototype.reason = 0;

        /**
         * Creates a new CallBusy instance using the specified properties.
         * @function create
         * @memberof voice.CallBusy
         * @static
         * @param {voice.CallBusy.$Properties=} [properties] Properties to set
         * @returns {voice.CallBusy} CallBusy instance
         * @type {{
         *   (properties: voice.CallBusy.$Shape): voice.CallBusy & voice.CallBusy.$Shape;
         *   (properties?: voice.CallBusy.$Properties): voice.CallBusy;
         * }}
         */
        CallBusy.create = function(properties) {
            return new CallBusy(properties);
        };

        /**
         * Encodes the specified CallBusy message. Does not implicitly {@link voice.CallBusy.verify|verify} messages.
         * @function encode
         * @memberof voice.CallBusy
         * @static
         * @param {voice.CallBusy.$Properties} message CallBusy message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallBusy.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallBusy message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallBusy
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallBusy & voice.CallBusy.$Shape} CallBusy
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallBusy.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallBusy();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallBusy;
    })();

    voice.CallHangup = (function() {

        /**
         * Properties of a CallHangup.
         * @typedef {Object} voice.CallHangup.$Properties
         * @property {voice.EndReason|null} [reason] CallHangup reason
         * @property {boolean|null} [glare] CallHangup glare
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallHangup.
         * @memberof voice
         * @interface ICallHangup
         * @augments voice.CallHangup.$Properties
         * @deprecated Use voice.CallHangup.$Properties instead.
         */

        /**
         * Shape of a CallHangup.
         * @typedef {voice.CallHangup.$Properties} voice.CallHangup.$Shape
         */

        /**
         * Constructs a new CallHangup.
         * @memberof voice
         * @classdesc Represents a CallHangup.
         * @constructor
         * @param {voice.CallHangup.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallHangup = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallHangup reason.
         * @member {voice.EndReason} reason
         * @memberof voice.CallHangup
         * @instance
         */
        CallHangup.prototype.reason = 0;

        /**
         * CallHangup glare.
         * @member {boolean} glare
         * @memberof voice.CallHangup
         * @instance
         */
        CallHangup.prototype.glare = false;

        /**
         * Creates a new CallHangup instance using the specified properties.
         * @function create
         * @memberof voice.CallHangup
         * @static
         * @param {voice.CallHangup.$Properties=} [properties] Properties to set
         * @returns {voice.CallHangup} CallHangup instance
         * @type {{
         *   (properties: voice.CallHangup.$Shape): voice.CallHangup & voice.CallHangup.$Shape;
         *   (properties?: voice.CallHangup.$Properties): voice.CallHangup;
         * }}
         */
        CallHangup.create = function(properties) {
            return new CallHangup(properties);
        };

        /**
         * Encodes the specified CallHangup message. Does not implicitly {@link voice.CallHangup.verify|verify} messages.
         * @function encode
         * @memberof voice.CallHangup
         * @static
         * @param {voice.CallHangup.$Properties} message CallHangup message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallHangup.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
            if (message.glare != null && $Object.hasOwnProperty.call(message, "glare") && message.glare !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.glare);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallHangup message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallHangup
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallHangup & voice.CallHangup.$Shape} CallHangup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallHangup.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallHangup();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.glare = value;
                        else
                            delete message.glare;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallHangup;
    })();

    voice.CallChainLink = (function() {

        /**
         * Properties of a CallChainLink.
         * @typedef {Object} voice.CallChainLink.$Properties
         * @property {Uint8Array|null} [chainCallId] CallChainLink chainCallId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallChainLink.
         * @memberof voice
         * @interface ICallChainLink
         * @augments voice.CallChainLink.$Properties
         * @deprecated Use voice.CallChainLink.$Properties instead.
         */

        /**
         * Shape of a CallChainLink.
         * @typedef {voice.CallChainLink.$Properties} voice.CallChainLink.$Shape
         */

        /**
         * Constructs a new CallChainLink.
         * @memberof voice
         * @classdesc Represents a CallChainLink.
         * @constructor
         * @param {voice.CallChainLink.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallChainLink = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallChainLink chainCallId.
         * @member {Uint8Array} chainCallId
         * @memberof voice.CallChainLink
         * @instance
         */
        CallChainLink.prototype.chainCallId = $util.newBuffer([]);

        /**
         * Creates a new CallChainLink instance using the specified properties.
         * @function create
         * @memberof voice.CallChainLink
         * @static
         * @param {voice.CallChainLink.$Properties=} [properties] Properties to set
         * @returns {voice.CallChainLink} CallChainLink instance
         * @type {{
         *   (properties: voice.CallChainLink.$Shape): voice.CallChainLink & voice.CallChainLink.$Shape;
         *   (properties?: voice.CallChainLink.$Properties): voice.CallChainLink;
         * }}
         */
        CallChainLink.create = function(properties) {
            return new CallChainLink(properties);
        };

        /**
         * Encodes the specified CallChainLink message. Does not implicitly {@link voice.CallChainLink.verify|verify} messages.
         * @function encode
         * @memberof voice.CallChainLink
         * @static
         * @param {voice.CallChainLink.$Properties} message CallChainLink message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallChainLink.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.chainCallId != null && $Object.hasOwnProperty.call(message, "chainCallId") && message.chainCallId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.chainCallId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallChainLink message from the specified reader or buffer.
         * @function decode
         * @memberof voice.CallChainLink
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.CallChainLink & voice.CallChainLink.$Shape} CallChainLink
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallChainLink.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.CallChainLink();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.chainCallId = value;
                        else
                            delete message.chainCallId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CallChainLink;
    })();

    voice.SdpMessage = (function() {

        /**
         * Properties of a SdpMessage.
         * @typedef {Object} voice.SdpMessage.$Properties
         * @property {string|null} [sdp] SdpMessage sdp
         * @property {string|null} [type] SdpMessage type
         * @property {boolean|null} [iceRestart] SdpMessage iceRestart
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SdpMessage.
         * @memberof voice
         * @interface ISdpMessage
         * @augments voice.SdpMessage.$Properties
         * @deprecated Use voice.SdpMessage.$Properties instead.
         */

        /**
         * Shape of a SdpMessage.
         * @typedef {voice.SdpMessage.$Properties} voice.SdpMessage.$Shape
         */

        /**
         * Constructs a new SdpMessage.
         * @memberof voice
         * @classdesc Represents a SdpMessage.
         * @constructor
         * @param {voice.SdpMessage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SdpMessage = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SdpMessage sdp.
         * @member {string} sdp
         * @memberof voice.SdpMessage
         * @instance
         */
        SdpMessage.prototype.sdp = "";

        /**
         * SdpMessage type.
         * @member {string} type
         * @memberof voice.SdpMessage
         * @instance
         */
        SdpMessage.prototype.type = "";

        /**
         * SdpMessage iceRestart.
         * @member {boolean} iceRestart
         * @memberof voice.SdpMessage
         * @instance
         */
        SdpMessage.prototype.iceRestart = false;

        /**
         * Creates a new SdpMessage instance using the specified properties.
         * @function create
         * @memberof voice.SdpMessage
         * @static
         * @param {voice.SdpMessage.$Properties=} [properties] Properties to set
         * @returns {voice.SdpMessage} SdpMessage instance
         * @type {{
         *   (properties: voice.SdpMessage.$Shape): voice.SdpMessage & voice.SdpMessage.$Shape;
         *   (properties?: voice.SdpMessage.$Properties): voice.SdpMessage;
         * }}
         */
        SdpMessage.create = function(properties) {
            return new SdpMessage(properties);
        };

        /**
         * Encodes the specified SdpMessage message. Does not implicitly {@link voice.SdpMessage.verify|verify} messages.
         * @function encode
         * @memberof voice.SdpMessage
         * @static
         * @param {voice.SdpMessage.$Properties} message SdpMessage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SdpMessage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sdp != null && $Object.hasOwnProperty.call(message, "sdp") && message.sdp !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.sdp);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.type);
            if (message.iceRestart != null && $Object.hasOwnProperty.call(message, "iceRestart") && message.iceRestart !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.iceRestart);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SdpMessage message from the specified reader or buffer.
         * @function decode
         * @memberof voice.SdpMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.SdpMessage & voice.SdpMessage.$Shape} SdpMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SdpMessage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.SdpMessage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sdp = value;
                        else
                            delete message.sdp;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.iceRestart = value;
                        else
                            delete message.iceRestart;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SdpMessage;
    })();

    voice.IceCandidate = (function() {

        /**
         * Properties of an IceCandidate.
         * @typedef {Object} voice.IceCandidate.$Properties
         * @property {string|null} [candidate] IceCandidate candidate
         * @property {string|null} [sdpMid] IceCandidate sdpMid
         * @property {number|null} [sdpMlineIndex] IceCandidate sdpMlineIndex
         * @property {string|null} [usernameFragment] IceCandidate usernameFragment
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an IceCandidate.
         * @memberof voice
         * @interface IIceCandidate
         * @augments voice.IceCandidate.$Properties
         * @deprecated Use voice.IceCandidate.$Properties instead.
         */

        /**
         * Shape of an IceCandidate.
         * @typedef {voice.IceCandidate.$Properties} voice.IceCandidate.$Shape
         */

        /**
         * Constructs a new IceCandidate.
         * @memberof voice
         * @classdesc Represents an IceCandidate.
         * @constructor
         * @param {voice.IceCandidate.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const IceCandidate = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * IceCandidate candidate.
         * @member {string} candidate
         * @memberof voice.IceCandidate
         * @instance
         */
        IceCandidate.prototype.candidate = "";

        /**
         * IceCandidate sdpMid.
         * @member {string|null|undefined} sdpMid
         * @memberof voice.IceCandidate
         * @instance
         */
        IceCandidate.prototype.sdpMid = null;

        /**
         * IceCandidate sdpMlineIndex.
         * @member {number|null|undefined} sdpMlineIndex
         * @memberof voice.IceCandidate
         * @instance
         */
        IceCandidate.prototype.sdpMlineIndex = null;

        /**
         * IceCandidate usernameFragment.
         * @member {string|null|undefined} usernameFragment
         * @memberof voice.IceCandidate
         * @instance
         */
        IceCandidate.prototype.usernameFragment = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(IceCandidate.prototype, "_sdpMid", {
            get: $util.oneOfGetter($oneOfFields = ["sdpMid"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(IceCandidate.prototype, "_sdpMlineIndex", {
            get: $util.oneOfGetter($oneOfFields = ["sdpMlineIndex"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(IceCandidate.prototype, "_usernameFragment", {
            get: $util.oneOfGetter($oneOfFields = ["usernameFragment"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new IceCandidate instance using the specified properties.
         * @function create
         * @memberof voice.IceCandidate
         * @static
         * @param {voice.IceCandidate.$Properties=} [properties] Properties to set
         * @returns {voice.IceCandidate} IceCandidate instance
         * @type {{
         *   (properties: voice.IceCandidate.$Shape): voice.IceCandidate & voice.IceCandidate.$Shape;
         *   (properties?: voice.IceCandidate.$Properties): voice.IceCandidate;
         * }}
         */
        IceCandidate.create = function(properties) {
            return new IceCandidate(properties);
        };

        /**
         * Encodes the specified IceCandidate message. Does not implicitly {@link voice.IceCandidate.verify|verify} messages.
         * @function encode
         * @memberof voice.IceCandidate
         * @static
         * @param {voice.IceCandidate.$Properties} message IceCandidate message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        IceCandidate.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.candidate != null && $Object.hasOwnProperty.call(message, "candidate") && message.candidate !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.candidate);
            if (message.sdpMid != null && $Object.hasOwnProperty.call(message, "sdpMid"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.sdpMid);
            if (message.sdpMlineIndex != null && $Object.hasOwnProperty.call(message, "sdpMlineIndex"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.sdpMlineIndex);
            if (message.usernameFragment != null && $Object.hasOwnProperty.call(message, "usernameFragment"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.usernameFragment);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an IceCandidate message from the specified reader or buffer.
         * @function decode
         * @memberof voice.IceCandidate
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.IceCandidate & voice.IceCandidate.$Shape} IceCandidate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        IceCandidate.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.IceCandidate();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.candidate = value;
                        else
                            delete message.candidate;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.sdpMid = reader.stringVerify();
                        message._sdpMid = "sdpMid";
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.sdpMlineIndex = reader.int32();
                        message._sdpMlineIndex = "sdpMlineIndex";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.usernameFragment = reader.stringVerify();
                        message._usernameFragment = "usernameFragment";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IceCandidate;
    })();

    voice.RoomStateUpdate = (function() {

        /**
         * Properties of a RoomStateUpdate.
         * @typedef {Object} voice.RoomStateUpdate.$Properties
         * @property {Array.<voice.RoomMemberState.$Properties>|null} [members] RoomStateUpdate members
         * @property {voice.SpeakingMode|null} [speakingMode] RoomStateUpdate speakingMode
         * @property {Array.<string>|null} [activeSpeakers] RoomStateUpdate activeSpeakers
         * @property {Array.<string>|null} [handQueue] RoomStateUpdate handQueue
         * @property {voice.RoomTurn.$Properties|null} [turn] RoomStateUpdate turn
         * @property {string|null} [media] RoomStateUpdate media
         * @property {boolean|null} [closed] RoomStateUpdate closed
         * @property {number|null} [maxMembers] RoomStateUpdate maxMembers
         * @property {string|null} [mediaState] RoomStateUpdate mediaState
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomStateUpdate.
         * @memberof voice
         * @interface IRoomStateUpdate
         * @augments voice.RoomStateUpdate.$Properties
         * @deprecated Use voice.RoomStateUpdate.$Properties instead.
         */

        /**
         * Shape of a RoomStateUpdate.
         * @typedef {voice.RoomStateUpdate.$Properties} voice.RoomStateUpdate.$Shape
         */

        /**
         * Constructs a new RoomStateUpdate.
         * @memberof voice
         * @classdesc Represents a RoomStateUpdate.
         * @constructor
         * @param {voice.RoomStateUpdate.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomStateUpdate = function (properties) {
            this.members = [];
            this.activeSpeakers = [];
            this.handQueue = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomStateUpdate members.
         * @member {Array.<voice.RoomMemberState.$Properties>} members
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.members = $util.emptyArray;

        /**
         * RoomStateUpdate speakingMode.
         * @member {voice.SpeakingMode|null|undefined} speakingMode
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.speakingMode = null;

        /**
         * RoomStateUpdate activeSpeakers.
         * @member {Array.<string>} activeSpeakers
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.activeSpeakers = $util.emptyArray;

        /**
         * RoomStateUpdate handQueue.
         * @member {Array.<string>} handQueue
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.handQueue = $util.emptyArray;

        /**
         * RoomStateUpdate turn.
         * @member {voice.RoomTurn.$Properties|null|undefined} turn
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.turn = null;

        /**
         * RoomStateUpdate media.
         * @member {string} media
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.media = "";

        /**
         * RoomStateUpdate closed.
         * @member {boolean} closed
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.closed = false;

        /**
         * RoomStateUpdate maxMembers.
         * @member {number} maxMembers
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.maxMembers = 0;

        /**
         * RoomStateUpdate mediaState.
         * @member {string} mediaState
         * @memberof voice.RoomStateUpdate
         * @instance
         */
        RoomStateUpdate.prototype.mediaState = "";

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(RoomStateUpdate.prototype, "_speakingMode", {
            get: $util.oneOfGetter($oneOfFields = ["speakingMode"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RoomStateUpdate instance using the specified properties.
         * @function create
         * @memberof voice.RoomStateUpdate
         * @static
         * @param {voice.RoomStateUpdate.$Properties=} [properties] Properties to set
         * @returns {voice.RoomStateUpdate} RoomStateUpdate instance
         * @type {{
         *   (properties: voice.RoomStateUpdate.$Shape): voice.RoomStateUpdate & voice.RoomStateUpdate.$Shape;
         *   (properties?: voice.RoomStateUpdate.$Properties): voice.RoomStateUpdate;
         * }}
         */
        RoomStateUpdate.create = function(properties) {
            return new RoomStateUpdate(properties);
        };

        /**
         * Encodes the specified RoomStateUpdate message. Does not implicitly {@link voice.RoomStateUpdate.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomStateUpdate
         * @static
         * @param {voice.RoomStateUpdate.$Properties} message RoomStateUpdate message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomStateUpdate.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.voice.RoomMemberState.encode(message.members[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.speakingMode != null && $Object.hasOwnProperty.call(message, "speakingMode"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.speakingMode);
            if (message.activeSpeakers != null && message.activeSpeakers.length)
                for (let i = 0; i < message.activeSpeakers.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.activeSpeakers[i]);
            if (message.handQueue != null && message.handQueue.length)
                for (let i = 0; i < message.handQueue.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.handQueue[i]);
            if (message.turn != null && $Object.hasOwnProperty.call(message, "turn"))
                $root.voice.RoomTurn.encode(message.turn, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.media != null && $Object.hasOwnProperty.call(message, "media") && message.media !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.media);
            if (message.closed != null && $Object.hasOwnProperty.call(message, "closed") && message.closed !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.closed);
            if (message.maxMembers != null && $Object.hasOwnProperty.call(message, "maxMembers") && message.maxMembers !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.maxMembers);
            if (message.mediaState != null && $Object.hasOwnProperty.call(message, "mediaState") && message.mediaState !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.mediaState);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomStateUpdate message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomStateUpdate
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomStateUpdate & voice.RoomStateUpdate.$Shape} RoomStateUpdate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomStateUpdate.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomStateUpdate();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.voice.RoomMemberState.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.speakingMode = reader.int32();
                        message._speakingMode = "speakingMode";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.activeSpeakers && message.activeSpeakers.length))
                            message.activeSpeakers = [];
                        message.activeSpeakers.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.handQueue && message.handQueue.length))
                            message.handQueue = [];
                        message.handQueue.push(reader.stringVerify());
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.turn = $root.voice.RoomTurn.decode(reader, reader.size(), $undefined, _depth + 1, message.turn);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.media = value;
                        else
                            delete message.media;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.closed = value;
                        else
                            delete message.closed;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxMembers = value;
                        else
                            delete message.maxMembers;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mediaState = value;
                        else
                            delete message.mediaState;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomStateUpdate;
    })();

    voice.RoomMemberState = (function() {

        /**
         * Properties of a RoomMemberState.
         * @typedef {Object} voice.RoomMemberState.$Properties
         * @property {string|null} [account] RoomMemberState account
         * @property {string|null} [nickname] RoomMemberState nickname
         * @property {string|null} [avatar] RoomMemberState avatar
         * @property {voice.MemberRole|null} [role] RoomMemberState role
         * @property {boolean|null} [isMuted] RoomMemberState isMuted
         * @property {boolean|null} [isSpeaking] RoomMemberState isSpeaking
         * @property {boolean|null} [handRaised] RoomMemberState handRaised
         * @property {boolean|null} [serverMuted] RoomMemberState serverMuted
         * @property {boolean|null} [connected] RoomMemberState connected
         * @property {boolean|null} [moderatorMuted] RoomMemberState moderatorMuted
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomMemberState.
         * @memberof voice
         * @interface IRoomMemberState
         * @augments voice.RoomMemberState.$Properties
         * @deprecated Use voice.RoomMemberState.$Properties instead.
         */

        /**
         * Shape of a RoomMemberState.
         * @typedef {voice.RoomMemberState.$Properties} voice.RoomMemberState.$Shape
         */

        /**
         * Constructs a new RoomMemberState.
         * @memberof voice
         * @classdesc Represents a RoomMemberState.
         * @constructor
         * @param {voice.RoomMemberState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomMemberState = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomMemberState account.
         * @member {string} account
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.account = "";

        /**
         * RoomMemberState nickname.
         * @member {string} nickname
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.nickname = "";

        /**
         * RoomMemberState avatar.
         * @member {string} avatar
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.avatar = "";

        /**
         * RoomMemberState role.
         * @member {voice.MemberRole|null|undefined} role
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.role = null;

        /**
         * RoomMemberState isMuted.
         * @member {boolean} isMuted
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.isMuted = false;

        /**
         * RoomMemberState isSpeaking.
         * @member {boolean} isSpeaking
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.isSpeaking = false;

        /**
         * RoomMemberState handRaised.
         * @member {boolean} handRaised
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.handRaised = false;

        /**
         * RoomMemberState serverMuted.
         * @member {boolean} serverMuted
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.serverMuted = false;

        /**
         * RoomMemberState connected.
         * @member {boolean} connected
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.connected = false;

        /**
         * RoomMemberState moderatorMuted.
         * @member {boolean} moderatorMuted
         * @memberof voice.RoomMemberState
         * @instance
         */
        RoomMemberState.prototype.moderatorMuted = false;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(RoomMemberState.prototype, "_role", {
            get: $util.oneOfGetter($oneOfFields = ["role"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RoomMemberState instance using the specified properties.
         * @function create
         * @memberof voice.RoomMemberState
         * @static
         * @param {voice.RoomMemberState.$Properties=} [properties] Properties to set
         * @returns {voice.RoomMemberState} RoomMemberState instance
         * @type {{
         *   (properties: voice.RoomMemberState.$Shape): voice.RoomMemberState & voice.RoomMemberState.$Shape;
         *   (properties?: voice.RoomMemberState.$Properties): voice.RoomMemberState;
         * }}
         */
        RoomMemberState.create = function(properties) {
            return new RoomMemberState(properties);
        };

        /**
         * Encodes the specified RoomMemberState message. Does not implicitly {@link voice.RoomMemberState.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomMemberState
         * @static
         * @param {voice.RoomMemberState.$Properties} message RoomMemberState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomMemberState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.nickname != null && $Object.hasOwnProperty.call(message, "nickname") && message.nickname !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.nickname);
            if (message.avatar != null && $Object.hasOwnProperty.call(message, "avatar") && message.avatar !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.avatar);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                writer.uint32(/* id 4, wireType 0 =*/32).int32(message.role);
            if (message.isMuted != null && $Object.hasOwnProperty.call(message, "isMuted") && message.isMuted !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.isMuted);
            if (message.isSpeaking != null && $Object.hasOwnProperty.call(message, "isSpeaking") && message.isSpeaking !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.isSpeaking);
            if (message.handRaised != null && $Object.hasOwnProperty.call(message, "handRaised") && message.handRaised !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.handRaised);
            if (message.serverMuted != null && $Object.hasOwnProperty.call(message, "serverMuted") && message.serverMuted !== false)
                writer.uint32(/* id 8, wireType 0 =*/64).bool(message.serverMuted);
            if (message.connected != null && $Object.hasOwnProperty.call(message, "connected") && message.connected !== false)
                writer.uint32(/* id 9, wireType 0 =*/72).bool(message.connected);
            if (message.moderatorMuted != null && $Object.hasOwnProperty.call(message, "moderatorMuted") && message.moderatorMuted !== false)
                writer.uint32(/* id 10, wireType 0 =*/80).bool(message.moderatorMuted);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomMemberState message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomMemberState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomMemberState & voice.RoomMemberState.$Shape} RoomMemberState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomMemberState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomMemberState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nickname = value;
                        else
                            delete message.nickname;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.avatar = value;
                        else
                            delete message.avatar;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.role = reader.int32();
                        message._role = "role";
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.isMuted = value;
                        else
                            delete message.isMuted;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.isSpeaking = value;
                        else
                            delete message.isSpeaking;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.handRaised = value;
                        else
                            delete message.handRaised;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.serverMuted = value;
                        else
                            delete message.serverMuted;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.connected = value;
                        else
                            delete message.connected;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.moderatorMuted = value;
                        else
                            delete message.moderatorMuted;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomMemberState;
    })();

    voice.RoomJoin = (function() {

        /**
         * Properties of a RoomJoin.
         * @typedef {Object} voice.RoomJoin.$Properties
         * @property {string|null} [nickname] RoomJoin nickname
         * @property {boolean|null} [canSend] RoomJoin canSend
         * @property {boolean|null} [startUnmuted] RoomJoin startUnmuted
         * @property {boolean|null} [resume] RoomJoin resume
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomJoin.
         * @memberof voice
         * @interface IRoomJoin
         * @augments voice.RoomJoin.$Properties
         * @deprecated Use voice.RoomJoin.$Properties instead.
         */

        /**
         * Shape of a RoomJoin.
         * @typedef {voice.RoomJoin.$Properties} voice.RoomJoin.$Shape
         */

        /**
         * Constructs a new RoomJoin.
         * @memberof voice
         * @classdesc Represents a RoomJoin.
         * @constructor
         * @param {voice.RoomJoin.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomJoin = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomJoin nickname.
         * @member {string} nickname
         * @memberof voice.RoomJoin
         * @instance
         */
        RoomJoin.prototype.nickname = "";

        /**
         * RoomJoin canSend.
         * @member {boolean} canSend
         * @memberof voice.RoomJoin
         * @instance
         */
        RoomJoin.prototype.canSend = false;

        /**
         * RoomJoin startUnmuted.
         * @member {boolean} startUnmuted
         * @memberof voice.RoomJoin
         * @instance
         */
        RoomJoin.prototype.startUnmuted = false;

        /**
         * RoomJoin resume.
         * @member {boolean} resume
         * @memberof voice.RoomJoin
         * @instance
         */
        RoomJoin.prototype.resume = false;

        /**
         * Creates a new RoomJoin instance using the specified properties.
         * @function create
         * @memberof voice.RoomJoin
         * @static
         * @param {voice.RoomJoin.$Properties=} [properties] Properties to set
         * @returns {voice.RoomJoin} RoomJoin instance
         * @type {{
         *   (properties: voice.RoomJoin.$Shape): voice.RoomJoin & voice.RoomJoin.$Shape;
         *   (properties?: voice.RoomJoin.$Properties): voice.RoomJoin;
         * }}
         */
        RoomJoin.create = function(properties) {
            return new RoomJoin(properties);
        };

        /**
         * Encodes the specified RoomJoin message. Does not implicitly {@link voice.RoomJoin.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomJoin
         * @static
         * @param {voice.RoomJoin.$Properties} message RoomJoin message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomJoin.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.nickname != null && $Object.hasOwnProperty.call(message, "nickname") && message.nickname !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.nickname);
            if (message.canSend != null && $Object.hasOwnProperty.call(message, "canSend") && message.canSend !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.canSend);
            if (message.startUnmuted != null && $Object.hasOwnProperty.call(message, "startUnmuted") && message.startUnmuted !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.startUnmuted);
            if (message.resume != null && $Object.hasOwnProperty.call(message, "resume") && message.resume !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.resume);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomJoin message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomJoin
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomJoin & voice.RoomJoin.$Shape} RoomJoin
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomJoin.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomJoin();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nickname = value;
                        else
                            delete message.nickname;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.canSend = value;
                        else
                            delete message.canSend;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.startUnmuted = value;
                        else
                            delete message.startUnmuted;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.resume = value;
                        else
                            delete message.resume;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomJoin;
    })();

    voice.RoomMute = (function() {

        /**
         * Properties of a RoomMute.
         * @typedef {Object} voice.RoomMute.$Properties
         * @property {string|null} [account] RoomMute account
         * @property {boolean|null} [muted] RoomMute muted
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomMute.
         * @memberof voice
         * @interface IRoomMute
         * @augments voice.RoomMute.$Properties
         * @deprecated Use voice.RoomMute.$Properties instead.
         */

        /**
         * Shape of a RoomMute.
         * @typedef {voice.RoomMute.$Properties} voice.RoomMute.$Shape
         */

        /**
         * Constructs a new RoomMute.
         * @memberof voice
         * @classdesc Represents a RoomMute.
         * @constructor
         * @param {voice.RoomMute.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomMute = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomMute account.
         * @member {string} account
         * @memberof voice.RoomMute
         * @instance
         */
        RoomMute.prototype.account = "";

        /**
         * RoomMute muted.
         * @member {boolean} muted
         * @memberof voice.RoomMute
         * @instance
         */
        RoomMute.prototype.muted = false;

        /**
         * Creates a new RoomMute instance using the specified properties.
         * @function create
         * @memberof voice.RoomMute
         * @static
         * @param {voice.RoomMute.$Properties=} [properties] Properties to set
         * @returns {voice.RoomMute} RoomMute instance
         * @type {{
         *   (properties: voice.RoomMute.$Shape): voice.RoomMute & voice.RoomMute.$Shape;
         *   (properties?: voice.RoomMute.$Properties): voice.RoomMute;
         * }}
         */
        RoomMute.create = function(properties) {
            return new RoomMute(properties);
        };

        /**
         * Encodes the specified RoomMute message. Does not implicitly {@link voice.RoomMute.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomMute
         * @static
         * @param {voice.RoomMute.$Properties} message RoomMute message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomMute.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.muted != null && $Object.hasOwnProperty.call(message, "muted") && message.muted !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.muted);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomMute message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomMute
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomMute & voice.RoomMute.$Shape} RoomMute
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomMute.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomMute();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.muted = value;
                        else
                            delete message.muted;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomMute;
    })();

    voice.RoomRole = (function() {

        /**
         * Properties of a RoomRole.
         * @typedef {Object} voice.RoomRole.$Properties
         * @property {string|null} [account] RoomRole account
         * @property {voice.MemberRole|null} [role] RoomRole role
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomRole.
         * @memberof voice
         * @interface IRoomRole
         * @augments voice.RoomRole.$Properties
         * @deprecated Use voice.RoomRole.$Properties instead.
         */

        /**
         * Shape of a RoomRole.
         * @typedef {voice.RoomRole.$Properties} voice.RoomRole.$Shape
         */

        /**
         * Constructs a new RoomRole.
         * @memberof voice
         * @classdesc Represents a RoomRole.
         * @constructor
         * @param {voice.RoomRole.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomRole = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomRole account.
         * @member {string} account
         * @memberof voice.RoomRole
         * @instance
         */
        RoomRole.prototype.account = "";

        /**
         * RoomRole role.
         * @member {voice.MemberRole|null|undefined} role
         * @memberof voice.RoomRole
         * @instance
         */
        RoomRole.prototype.role = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(RoomRole.prototype, "_role", {
            get: $util.oneOfGetter($oneOfFields = ["role"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RoomRole instance using the specified properties.
         * @function create
         * @memberof voice.RoomRole
         * @static
         * @param {voice.RoomRole.$Properties=} [properties] Properties to set
         * @returns {voice.RoomRole} RoomRole instance
         * @type {{
         *   (properties: voice.RoomRole.$Shape): voice.RoomRole & voice.RoomRole.$Shape;
         *   (properties?: voice.RoomRole.$Properties): voice.RoomRole;
         * }}
         */
        RoomRole.create = function(properties) {
            return new RoomRole(properties);
        };

        /**
         * Encodes the specified RoomRole message. Does not implicitly {@link voice.RoomRole.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomRole
         * @static
         * @param {voice.RoomRole.$Properties} message RoomRole message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomRole.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.role);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomRole message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomRole
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomRole & voice.RoomRole.$Shape} RoomRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomRole.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomRole();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.role = reader.int32();
                        message._role = "role";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomRole;
    })();

    voice.RoomKick = (function() {

        /**
         * Properties of a RoomKick.
         * @typedef {Object} voice.RoomKick.$Properties
         * @property {string|null} [account] RoomKick account
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomKick.
         * @memberof voice
         * @interface IRoomKick
         * @augments voice.RoomKick.$Properties
         * @deprecated Use voice.RoomKick.$Properties instead.
         */

        /**
         * Shape of a RoomKick.
         * @typedef {voice.RoomKick.$Properties} voice.RoomKick.$Shape
         */

        /**
         * Constructs a new RoomKick.
         * @memberof voice
         * @classdesc Represents a RoomKick.
         * @constructor
         * @param {voice.RoomKick.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomKick = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomKick account.
         * @member {string} account
         * @memberof voice.RoomKick
         * @instance
         */
        RoomKick.prototype.account = "";

        /**
         * Creates a new RoomKick instance using the specified properties.
         * @function create
         * @memberof voice.RoomKick
         * @static
         * @param {voice.RoomKick.$Properties=} [properties] Properties to set
         * @returns {voice.RoomKick} RoomKick instance
         * @type {{
         *   (properties: voice.RoomKick.$Shape): voice.RoomKick & voice.RoomKick.$Shape;
         *   (properties?: voice.RoomKick.$Properties): voice.RoomKick;
         * }}
         */
        RoomKick.create = function(properties) {
            return new RoomKick(properties);
        };

        /**
         * Encodes the specified RoomKick message. Does not implicitly {@link voice.RoomKick.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomKick
         * @static
         * @param {voice.RoomKick.$Properties} message RoomKick message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomKick.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomKick message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomKick
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomKick & voice.RoomKick.$Shape} RoomKick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomKick.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomKick();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomKick;
    })();

    voice.RoomRaiseHand = (function() {

        /**
         * Properties of a RoomRaiseHand.
         * @typedef {Object} voice.RoomRaiseHand.$Properties
         * @property {boolean|null} [raised] RoomRaiseHand raised
         * @property {string|null} [account] RoomRaiseHand account
         * @property {boolean|null} [approved] RoomRaiseHand approved
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomRaiseHand.
         * @memberof voice
         * @interface IRoomRaiseHand
         * @augments voice.RoomRaiseHand.$Properties
         * @deprecated Use voice.RoomRaiseHand.$Properties instead.
         */

        /**
         * Shape of a RoomRaiseHand.
         * @typedef {voice.RoomRaiseHand.$Properties} voice.RoomRaiseHand.$Shape
         */

        /**
         * Constructs a new RoomRaiseHand.
         * @memberof voice
         * @classdesc Represents a RoomRaiseHand.
         * @constructor
         * @param {voice.RoomRaiseHand.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomRaiseHand = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomRaiseHand raised.
         * @member {boolean} raised
         * @memberof voice.RoomRaiseHand
         * @instance
         */
        RoomRaiseHand.prototype.raised = false;

        /**
         * RoomRaiseHand account.
         * @member {string} account
         * @memberof voice.RoomRaiseHand
         * @instance
         */
        RoomRaiseHand.prototype.account = "";

        /**
         * RoomRaiseHand approved.
         * @member {boolean|null|undefined} approved
         * @memberof voice.RoomRaiseHand
         * @instance
         */
        RoomRaiseHand.prototype.approved = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(RoomRaiseHand.prototype, "_approved", {
            get: $util.oneOfGetter($oneOfFields = ["approved"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RoomRaiseHand instance using the specified properties.
         * @function create
         * @memberof voice.RoomRaiseHand
         * @static
         * @param {voice.RoomRaiseHand.$Properties=} [properties] Properties to set
         * @returns {voice.RoomRaiseHand} RoomRaiseHand instance
         * @type {{
         *   (properties: voice.RoomRaiseHand.$Shape): voice.RoomRaiseHand & voice.RoomRaiseHand.$Shape;
         *   (properties?: voice.RoomRaiseHand.$Properties): voice.RoomRaiseHand;
         * }}
         */
        RoomRaiseHand.create = function(properties) {
            return new RoomRaiseHand(properties);
        };

        /**
         * Encodes the specified RoomRaiseHand message. Does not implicitly {@link voice.RoomRaiseHand.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomRaiseHand
         * @static
         * @param {voice.RoomRaiseHand.$Properties} message RoomRaiseHand message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomRaiseHand.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.raised != null && $Object.hasOwnProperty.call(message, "raised") && message.raised !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.raised);
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.account);
            if (message.approved != null && $Object.hasOwnProperty.call(message, "approved"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.approved);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomRaiseHand message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomRaiseHand
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomRaiseHand & voice.RoomRaiseHand.$Shape} RoomRaiseHand
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomRaiseHand.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomRaiseHand();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.raised = value;
                        else
                            delete message.raised;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.approved = reader.bool();
                        message._approved = "approved";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomRaiseHand;
    })();

    voice.RoomSpeaking = (function() {

        /**
         * Properties of a RoomSpeaking.
         * @typedef {Object} voice.RoomSpeaking.$Properties
         * @property {Array.<string>|null} [activeSpeakers] RoomSpeaking activeSpeakers
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomSpeaking.
         * @memberof voice
         * @interface IRoomSpeaking
         * @augments voice.RoomSpeaking.$Properties
         * @deprecated Use voice.RoomSpeaking.$Properties instead.
         */

        /**
         * Shape of a RoomSpeaking.
         * @typedef {voice.RoomSpeaking.$Properties} voice.RoomSpeaking.$Shape
         */

        /**
         * Constructs a new RoomSpeaking.
         * @memberof voice
         * @classdesc Represents a RoomSpeaking.
         * @constructor
         * @param {voice.RoomSpeaking.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomSpeaking = function (properties) {
            this.activeSpeakers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomSpeaking activeSpeakers.
         * @member {Array.<string>} activeSpeakers
         * @memberof voice.RoomSpeaking
         * @instance
         */
        RoomSpeaking.prototype.activeSpeakers = $util.emptyArray;

        /**
         * Creates a new RoomSpeaking instance using the specified properties.
         * @function create
         * @memberof voice.RoomSpeaking
         * @static
         * @param {voice.RoomSpeaking.$Properties=} [properties] Properties to set
         * @returns {voice.RoomSpeaking} RoomSpeaking instance
         * @type {{
         *   (properties: voice.RoomSpeaking.$Shape): voice.RoomSpeaking & voice.RoomSpeaking.$Shape;
         *   (properties?: voice.RoomSpeaking.$Properties): voice.RoomSpeaking;
         * }}
         */
        RoomSpeaking.create = function(properties) {
            return new RoomSpeaking(properties);
        };

        /**
         * Encodes the specified RoomSpeaking message. Does not implicitly {@link voice.RoomSpeaking.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomSpeaking
         * @static
         * @param {voice.RoomSpeaking.$Properties} message RoomSpeaking message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomSpeaking.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.activeSpeakers != null && message.activeSpeakers.length)
                for (let i = 0; i < message.activeSpeakers.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.activeSpeakers[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomSpeaking message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomSpeaking
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomSpeaking & voice.RoomSpeaking.$Shape} RoomSpeaking
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomSpeaking.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomSpeaking();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.activeSpeakers && message.activeSpeakers.length))
                            message.activeSpeakers = [];
                        message.activeSpeakers.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomSpeaking;
    })();

    voice.RoomTurn = (function() {

        /**
         * Properties of a RoomTurn.
         * @typedef {Object} voice.RoomTurn.$Properties
         * @property {string|null} [account] RoomTurn account
         * @property {Long|null} [endsAt] RoomTurn endsAt
         * @property {number|null} [turnMs] RoomTurn turnMs
         * @property {Array.<string>|null} [queue] RoomTurn queue
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomTurn.
         * @memberof voice
         * @interface IRoomTurn
         * @augments voice.RoomTurn.$Properties
         * @deprecated Use voice.RoomTurn.$Properties instead.
         */

        /**
         * Shape of a RoomTurn.
         * @typedef {voice.RoomTurn.$Properties} voice.RoomTurn.$Shape
         */

        /**
         * Constructs a new RoomTurn.
         * @memberof voice
         * @classdesc Represents a RoomTurn.
         * @constructor
         * @param {voice.RoomTurn.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomTurn = function (properties) {
            this.queue = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomTurn account.
         * @member {string} account
         * @memberof voice.RoomTurn
         * @instance
         */
        RoomTurn.prototype.account = "";

        /**
         * RoomTurn endsAt.
         * @member {Long} endsAt
         * @memberof voice.RoomTurn
         * @instance
         */
        RoomTurn.prototype.endsAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RoomTurn turnMs.
         * @member {number} turnMs
         * @memberof voice.RoomTurn
         * @instance
         */
        RoomTurn.prototype.turnMs = 0;

        /**
         * RoomTurn queue.
         * @member {Array.<string>} queue
         * @memberof voice.RoomTurn
         * @instance
         */
        RoomTurn.prototype.queue = $util.emptyArray;

        /**
         * Creates a new RoomTurn instance using the specified properties.
         * @function create
         * @memberof voice.RoomTurn
         * @static
         * @param {voice.RoomTurn.$Properties=} [properties] Properties to set
         * @returns {voice.RoomTurn} RoomTurn instance
         * @type {{
         *   (properties: voice.RoomTurn.$Shape): voice.RoomTurn & voice.RoomTurn.$Shape;
         *   (properties?: voice.RoomTurn.$Properties): voice.RoomTurn;
         * }}
         */
        RoomTurn.create = function(properties) {
            return new RoomTurn(properties);
        };

        /**
         * Encodes the specified RoomTurn message. Does not implicitly {@link voice.RoomTurn.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomTurn
         * @static
         * @param {voice.RoomTurn.$Properties} message RoomTurn message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomTurn.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.endsAt != null && $Object.hasOwnProperty.call(message, "endsAt") && (typeof message.endsAt === "object" ? message.endsAt.low || message.endsAt.high : message.endsAt !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.endsAt);
            if (message.turnMs != null && $Object.hasOwnProperty.call(message, "turnMs") && message.turnMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.turnMs);
            if (message.queue != null && message.queue.length)
                for (let i = 0; i < message.queue.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.queue[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomTurn message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomTurn
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomTurn & voice.RoomTurn.$Shape} RoomTurn
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomTurn.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomTurn();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.endsAt = value;
                        else
                            delete message.endsAt;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.turnMs = value;
                        else
                            delete message.turnMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.queue && message.queue.length))
                            message.queue = [];
                        message.queue.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomTurn;
    })();

    voice.RoomModeration = (function() {

        /**
         * Properties of a RoomModeration.
         * @typedef {Object} voice.RoomModeration.$Properties
         * @property {string|null} [action] RoomModeration action
         * @property {string|null} [target] RoomModeration target
         * @property {boolean|null} [ok] RoomModeration ok
         * @property {string|null} [code] RoomModeration code
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomModeration.
         * @memberof voice
         * @interface IRoomModeration
         * @augments voice.RoomModeration.$Properties
         * @deprecated Use voice.RoomModeration.$Properties instead.
         */

        /**
         * Shape of a RoomModeration.
         * @typedef {voice.RoomModeration.$Properties} voice.RoomModeration.$Shape
         */

        /**
         * Constructs a new RoomModeration.
         * @memberof voice
         * @classdesc Represents a RoomModeration.
         * @constructor
         * @param {voice.RoomModeration.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomModeration = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomModeration action.
         * @member {string} action
         * @memberof voice.RoomModeration
         * @instance
         */
        RoomModeration.prototype.action = "";

        /**
         * RoomModeration target.
         * @member {string} target
         * @memberof voice.RoomModeration
         * @instance
         */
        RoomModeration.prototype.target = "";

        /**
         * RoomModeration ok.
         * @member {boolean} ok
         * @memberof voice.RoomModeration
         * @instance
         */
        RoomModeration.prototype.ok = false;

        /**
         * RoomModeration code.
         * @member {string} code
         * @memberof voice.RoomModeration
         * @instance
         */
        RoomModeration.prototype.code = "";

        /**
         * Creates a new RoomModeration instance using the specified properties.
         * @function create
         * @memberof voice.RoomModeration
         * @static
         * @param {voice.RoomModeration.$Properties=} [properties] Properties to set
         * @returns {voice.RoomModeration} RoomModeration instance
         * @type {{
         *   (properties: voice.RoomModeration.$Shape): voice.RoomModeration & voice.RoomModeration.$Shape;
         *   (properties?: voice.RoomModeration.$Properties): voice.RoomModeration;
         * }}
         */
        RoomModeration.create = function(properties) {
            return new RoomModeration(properties);
        };

        /**
         * Encodes the specified RoomModeration message. Does not implicitly {@link voice.RoomModeration.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomModeration
         * @static
         * @param {voice.RoomModeration.$Properties} message RoomModeration message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomModeration.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.action);
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.target);
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.ok);
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.code);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomModeration message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomModeration
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomModeration & voice.RoomModeration.$Shape} RoomModeration
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomModeration.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomModeration();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.action = value;
                        else
                            delete message.action;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ok = value;
                        else
                            delete message.ok;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomModeration;
    })();

    voice.RoomMode = (function() {

        /**
         * Properties of a RoomMode.
         * @typedef {Object} voice.RoomMode.$Properties
         * @property {voice.SpeakingMode|null} [speakingMode] RoomMode speakingMode
         * @property {number|null} [turnMs] RoomMode turnMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomMode.
         * @memberof voice
         * @interface IRoomMode
         * @augments voice.RoomMode.$Properties
         * @deprecated Use voice.RoomMode.$Properties instead.
         */

        /**
         * Shape of a RoomMode.
         * @typedef {voice.RoomMode.$Properties} voice.RoomMode.$Shape
         */

        /**
         * Constructs a new RoomMode.
         * @memberof voice
         * @classdesc Represents a RoomMode.
         * @constructor
         * @param {voice.RoomMode.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomMode = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomMode speakingMode.
         * @member {voice.SpeakingMode|null|undefined} speakingMode
         * @memberof voice.RoomMode
         * @instance
         */
        RoomMode.prototype.speakingMode = null;

        /**
         * RoomMode turnMs.
         * @member {number} turnMs
         * @memberof voice.RoomMode
         * @instance
         */
        RoomMode.prototype.turnMs = 0;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(RoomMode.prototype, "_speakingMode", {
            get: $util.oneOfGetter($oneOfFields = ["speakingMode"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RoomMode instance using the specified properties.
         * @function create
         * @memberof voice.RoomMode
         * @static
         * @param {voice.RoomMode.$Properties=} [properties] Properties to set
         * @returns {voice.RoomMode} RoomMode instance
         * @type {{
         *   (properties: voice.RoomMode.$Shape): voice.RoomMode & voice.RoomMode.$Shape;
         *   (properties?: voice.RoomMode.$Properties): voice.RoomMode;
         * }}
         */
        RoomMode.create = function(properties) {
            return new RoomMode(properties);
        };

        /**
         * Encodes the specified RoomMode message. Does not implicitly {@link voice.RoomMode.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomMode
         * @static
         * @param {voice.RoomMode.$Properties} message RoomMode message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomMode.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.speakingMode != null && $Object.hasOwnProperty.call(message, "speakingMode"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.speakingMode);
            if (message.turnMs != null && $Object.hasOwnProperty.call(message, "turnMs") && message.turnMs !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.turnMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomMode message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomMode
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomMode & voice.RoomMode.$Shape} RoomMode
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomMode.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomMode();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        message.speakingMode = reader.int32();
                        message._speakingMode = "speakingMode";
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.turnMs = value;
                        else
                            delete message.turnMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomMode;
    })();

    voice.RoomJsep = (function() {

        /**
         * Properties of a RoomJsep.
         * @typedef {Object} voice.RoomJsep.$Properties
         * @property {string|null} [type] RoomJsep type
         * @property {string|null} [sdp] RoomJsep sdp
         * @property {boolean|null} [iceRestart] RoomJsep iceRestart
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomJsep.
         * @memberof voice
         * @interface IRoomJsep
         * @augments voice.RoomJsep.$Properties
         * @deprecated Use voice.RoomJsep.$Properties instead.
         */

        /**
         * Shape of a RoomJsep.
         * @typedef {voice.RoomJsep.$Properties} voice.RoomJsep.$Shape
         */

        /**
         * Constructs a new RoomJsep.
         * @memberof voice
         * @classdesc Represents a RoomJsep.
         * @constructor
         * @param {voice.RoomJsep.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomJsep = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomJsep type.
         * @member {string} type
         * @memberof voice.RoomJsep
         * @instance
         */
        RoomJsep.prototype.type = "";

        /**
         * RoomJsep sdp.
         * @member {string} sdp
         * @memberof voice.RoomJsep
         * @instance
         */
        RoomJsep.prototype.sdp = "";

        /**
         * RoomJsep iceRestart.
         * @member {boolean} iceRestart
         * @memberof voice.RoomJsep
         * @instance
         */
        RoomJsep.prototype.iceRestart = false;

        /**
         * Creates a new RoomJsep instance using the specified properties.
         * @function create
         * @memberof voice.RoomJsep
         * @static
         * @param {voice.RoomJsep.$Properties=} [properties] Properties to set
         * @returns {voice.RoomJsep} RoomJsep instance
         * @type {{
         *   (properties: voice.RoomJsep.$Shape): voice.RoomJsep & voice.RoomJsep.$Shape;
         *   (properties?: voice.RoomJsep.$Properties): voice.RoomJsep;
         * }}
         */
        RoomJsep.create = function(properties) {
            return new RoomJsep(properties);
        };

        /**
         * Encodes the specified RoomJsep message. Does not implicitly {@link voice.RoomJsep.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomJsep
         * @static
         * @param {voice.RoomJsep.$Properties} message RoomJsep message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomJsep.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
            if (message.sdp != null && $Object.hasOwnProperty.call(message, "sdp") && message.sdp !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.sdp);
            if (message.iceRestart != null && $Object.hasOwnProperty.call(message, "iceRestart") && message.iceRestart !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.iceRestart);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomJsep message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomJsep
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomJsep & voice.RoomJsep.$Shape} RoomJsep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomJsep.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomJsep();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sdp = value;
                        else
                            delete message.sdp;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.iceRestart = value;
                        else
                            delete message.iceRestart;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomJsep;
    })();

    voice.RoomTrickle = (function() {

        /**
         * Properties of a RoomTrickle.
         * @typedef {Object} voice.RoomTrickle.$Properties
         * @property {voice.IceCandidate.$Properties|null} [candidate] RoomTrickle candidate
         * @property {boolean|null} [completed] RoomTrickle completed
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomTrickle.
         * @memberof voice
         * @interface IRoomTrickle
         * @augments voice.RoomTrickle.$Properties
         * @deprecated Use voice.RoomTrickle.$Properties instead.
         */

        /**
         * Shape of a RoomTrickle.
         * @typedef {voice.RoomTrickle.$Properties} voice.RoomTrickle.$Shape
         */

        /**
         * Constructs a new RoomTrickle.
         * @memberof voice
         * @classdesc Represents a RoomTrickle.
         * @constructor
         * @param {voice.RoomTrickle.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomTrickle = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomTrickle candidate.
         * @member {voice.IceCandidate.$Properties|null|undefined} candidate
         * @memberof voice.RoomTrickle
         * @instance
         */
        RoomTrickle.prototype.candidate = null;

        /**
         * RoomTrickle completed.
         * @member {boolean} completed
         * @memberof voice.RoomTrickle
         * @instance
         */
        RoomTrickle.prototype.completed = false;

        /**
         * Creates a new RoomTrickle instance using the specified properties.
         * @function create
         * @memberof voice.RoomTrickle
         * @static
         * @param {voice.RoomTrickle.$Properties=} [properties] Properties to set
         * @returns {voice.RoomTrickle} RoomTrickle instance
         * @type {{
         *   (properties: voice.RoomTrickle.$Shape): voice.RoomTrickle & voice.RoomTrickle.$Shape;
         *   (properties?: voice.RoomTrickle.$Properties): voice.RoomTrickle;
         * }}
         */
        RoomTrickle.create = function(properties) {
            return new RoomTrickle(properties);
        };

        /**
         * Encodes the specified RoomTrickle message. Does not implicitly {@link voice.RoomTrickle.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomTrickle
         * @static
         * @param {voice.RoomTrickle.$Properties} message RoomTrickle message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomTrickle.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.candidate != null && $Object.hasOwnProperty.call(message, "candidate"))
                $root.voice.IceCandidate.encode(message.candidate, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.completed != null && $Object.hasOwnProperty.call(message, "completed") && message.completed !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.completed);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomTrickle message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomTrickle
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomTrickle & voice.RoomTrickle.$Shape} RoomTrickle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomTrickle.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomTrickle();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.candidate = $root.voice.IceCandidate.decode(reader, reader.size(), $undefined, _depth + 1, message.candidate);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.completed = value;
                        else
                            delete message.completed;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomTrickle;
    })();

    voice.RoomTip = (function() {

        /**
         * Properties of a RoomTip.
         * @typedef {Object} voice.RoomTip.$Properties
         * @property {string|null} [to] RoomTip to
         * @property {string|null} [amount] RoomTip amount
         * @property {Uint8Array|null} [blockHash] RoomTip blockHash
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoomTip.
         * @memberof voice
         * @interface IRoomTip
         * @augments voice.RoomTip.$Properties
         * @deprecated Use voice.RoomTip.$Properties instead.
         */

        /**
         * Shape of a RoomTip.
         * @typedef {voice.RoomTip.$Properties} voice.RoomTip.$Shape
         */

        /**
         * Constructs a new RoomTip.
         * @memberof voice
         * @classdesc Represents a RoomTip.
         * @constructor
         * @param {voice.RoomTip.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoomTip = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoomTip to.
         * @member {string} to
         * @memberof voice.RoomTip
         * @instance
         */
        RoomTip.prototype.to = "";

        /**
         * RoomTip amount.
         * @member {string} amount
         * @memberof voice.RoomTip
         * @instance
         */
        RoomTip.prototype.amount = "";

        /**
         * RoomTip blockHash.
         * @member {Uint8Array} blockHash
         * @memberof voice.RoomTip
         * @instance
         */
        RoomTip.prototype.blockHash = $util.newBuffer([]);

        /**
         * Creates a new RoomTip instance using the specified properties.
         * @function create
         * @memberof voice.RoomTip
         * @static
         * @param {voice.RoomTip.$Properties=} [properties] Properties to set
         * @returns {voice.RoomTip} RoomTip instance
         * @type {{
         *   (properties: voice.RoomTip.$Shape): voice.RoomTip & voice.RoomTip.$Shape;
         *   (properties?: voice.RoomTip.$Properties): voice.RoomTip;
         * }}
         */
        RoomTip.create = function(properties) {
            return new RoomTip(properties);
        };

        /**
         * Encodes the specified RoomTip message. Does not implicitly {@link voice.RoomTip.verify|verify} messages.
         * @function encode
         * @memberof voice.RoomTip
         * @static
         * @param {voice.RoomTip.$Properties} message RoomTip message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoomTip.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.to);
            if (message.amount != null && $Object.hasOwnProperty.call(message, "amount") && message.amount !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.amount);
            if (message.blockHash != null && $Object.hasOwnProperty.call(message, "blockHash") && message.blockHash.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.blockHash);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoomTip message from the specified reader or buffer.
         * @function decode
         * @memberof voice.RoomTip
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.RoomTip & voice.RoomTip.$Shape} RoomTip
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoomTip.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.RoomTip();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.amount = value;
                        else
                            delete message.amount;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.blockHash = value;
                        else
                            delete message.blockHash;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RoomTip;
    })();

    voice.AuthChallenge = (function() {

        /**
         * Properties of an AuthChallenge.
         * @typedef {Object} voice.AuthChallenge.$Properties
         * @property {Uint8Array|null} [challenge] AuthChallenge challenge
         * @property {Long|null} [serverTime] AuthChallenge serverTime
         * @property {string|null} [serverId] AuthChallenge serverId
         * @property {Uint8Array|null} [genesisHash] AuthChallenge genesisHash
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AuthChallenge.
         * @memberof voice
         * @interface IAuthChallenge
         * @augments voice.AuthChallenge.$Properties
         * @deprecated Use voice.AuthChallenge.$Properties instead.
         */

        /**
         * Shape of an AuthChallenge.
         * @typedef {voice.AuthChallenge.$Properties} voice.AuthChallenge.$Shape
         */

        /**
         * Constructs a new AuthChallenge.
         * @memberof voice
         * @classdesc Represents an AuthChallenge.
         * @constructor
         * @param {voice.AuthChallenge.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AuthChallenge = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AuthChallenge challenge.
         * @member {Uint8Array} challenge
         * @memberof voice.AuthChallenge
         * @instance
         */
        AuthChallenge.prototype.challenge = $util.newBuffer([]);

        /**
         * AuthChallenge serverTime.
         * @member {Long} serverTime
         * @memberof voice.AuthChallenge
         * @instance
         */
        AuthChallenge.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * AuthChallenge serverId.
         * @member {string} serverId
         * @memberof voice.AuthChallenge
         * @instance
         */
        AuthChallenge.prototype.serverId = "";

        /**
         * AuthChallenge genesisHash.
         * @member {Uint8Array} genesisHash
         * @memberof voice.AuthChallenge
         * @instance
         */
        AuthChallenge.prototype.genesisHash = $util.newBuffer([]);

        /**
         * Creates a new AuthChallenge instance using the specified properties.
         * @function create
         * @memberof voice.AuthChallenge
         * @static
         * @param {voice.AuthChallenge.$Properties=} [properties] Properties to set
         * @returns {voice.AuthChallenge} AuthChallenge instance
         * @type {{
         *   (properties: voice.AuthChallenge.$Shape): voice.AuthChallenge & voice.AuthChallenge.$Shape;
         *   (properties?: voice.AuthChallenge.$Properties): voice.AuthChallenge;
         * }}
         */
        AuthChallenge.create = function(properties) {
            return new AuthChallenge(properties);
        };

        /**
         * Encodes the specified AuthChallenge message. Does not implicitly {@link voice.AuthChallenge.verify|verify} messages.
         * @function encode
         * @memberof voice.AuthChallenge
         * @static
         * @param {voice.AuthChallenge.$Properties} message AuthChallenge message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AuthChallenge.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge") && message.challenge.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.challenge);
            if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.serverTime);
            if (message.serverId != null && $Object.hasOwnProperty.call(message, "serverId") && message.serverId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.serverId);
            if (message.genesisHash != null && $Object.hasOwnProperty.call(message, "genesisHash") && message.genesisHash.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.genesisHash);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AuthChallenge message from the specified reader or buffer.
         * @function decode
         * @memberof voice.AuthChallenge
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.AuthChallenge & voice.AuthChallenge.$Shape} AuthChallenge
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AuthChallenge.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.AuthChallenge();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.challenge = value;
                        else
                            delete message.challenge;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.serverTime = value;
                        else
                            delete message.serverTime;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.serverId = value;
                        else
                            delete message.serverId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.genesisHash = value;
                        else
                            delete message.genesisHash;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AuthChallenge;
    })();

    voice.AuthResponse = (function() {

        /**
         * Properties of an AuthResponse.
         * @typedef {Object} voice.AuthResponse.$Properties
         * @property {voice.SessionDelegation.$Properties|null} [delegation] AuthResponse delegation
         * @property {Uint8Array|null} [challengeSignature] AuthResponse challengeSignature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AuthResponse.
         * @memberof voice
         * @interface IAuthResponse
         * @augments voice.AuthResponse.$Properties
         * @deprecated Use voice.AuthResponse.$Properties instead.
         */

        /**
         * Shape of an AuthResponse.
         * @typedef {voice.AuthResponse.$Properties} voice.AuthResponse.$Shape
         */

        /**
         * Constructs a new AuthResponse.
         * @memberof voice
         * @classdesc Represents an AuthResponse.
         * @constructor
         * @param {voice.AuthResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AuthResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AuthResponse delegation.
         * @member {voice.SessionDelegation.$Properties|null|undefined} delegation
         * @memberof voice.AuthResponse
         * @instance
         */
        AuthResponse.prototype.delegation = null;

        /**
         * AuthResponse challengeSignature.
         * @member {Uint8Array} challengeSignature
         * @memberof voice.AuthResponse
         * @instance
         */
        AuthResponse.prototype.challengeSignature = $util.newBuffer([]);

        /**
         * Creates a new AuthResponse instance using the specified properties.
         * @function create
         * @memberof voice.AuthResponse
         * @static
         * @param {voice.AuthResponse.$Properties=} [properties] Properties to set
         * @returns {voice.AuthResponse} AuthResponse instance
         * @type {{
         *   (properties: voice.AuthResponse.$Shape): voice.AuthResponse & voice.AuthResponse.$Shape;
         *   (properties?: voice.AuthResponse.$Properties): voice.AuthResponse;
         * }}
         */
        AuthResponse.create = function(properties) {
            return new AuthResponse(properties);
        };

        /**
         * Encodes the specified AuthResponse message. Does not implicitly {@link voice.AuthResponse.verify|verify} messages.
         * @function encode
         * @memberof voice.AuthResponse
         * @static
         * @param {voice.AuthResponse.$Properties} message AuthResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AuthResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.delegation != null && $Object.hasOwnProperty.call(message, "delegation"))
                $root.voice.SessionDelegation.encode(message.delegation, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.challengeSignature != null && $Object.hasOwnProperty.call(message, "challengeSignature") && message.challengeSignature.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.challengeSignature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AuthResponse message from the specified reader or buffer.
         * @function decode
         * @memberof voice.AuthResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.AuthResponse & voice.AuthResponse.$Shape} AuthResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AuthResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.AuthResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.delegation = $root.voice.SessionDelegation.decode(reader, reader.size(), $undefined, _depth + 1, message.delegation);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.challengeSignature = value;
                        else
                            delete message.challengeSignature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AuthResponse;
    })();

    voice.AuthOk = (function() {

        /**
         * Properties of an AuthOk.
         * @typedef {Object} voice.AuthOk.$Properties
         * @property {string|null} [account] AuthOk account
         * @property {Long|null} [expiresAt] AuthOk expiresAt
         * @property {Array.<voice.IceServer.$Properties>|null} [iceServers] AuthOk iceServers
         * @property {string|null} [serverId] AuthOk serverId
         * @property {Long|null} [serverTime] AuthOk serverTime
         * @property {number|null} [heartbeatIntervalMs] AuthOk heartbeatIntervalMs
         * @property {Long|null} [iceExpiresAt] AuthOk iceExpiresAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AuthOk.
         * @memberof voice
         * @interface IAuthOk
         * @augments voice.AuthOk.$Properties
         * @deprecated Use voice.AuthOk.$Properties instead.
         */

        /**
         * Shape of an AuthOk.
         * @typedef {voice.AuthOk.$Properties} voice.AuthOk.$Shape
         */

        /**
         * Constructs a new AuthOk.
         * @memberof voice
         * @classdesc Represents an AuthOk.
         * @constructor
         * @param {voice.AuthOk.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AuthOk = function (properties) {
            this.iceServers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AuthOk account.
         * @member {string} account
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.account = "";

        /**
         * AuthOk expiresAt.
         * @member {Long} expiresAt
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * AuthOk iceServers.
         * @member {Array.<voice.IceServer.$Properties>} iceServers
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.iceServers = $util.emptyArray;

        /**
         * AuthOk serverId.
         * @member {string} serverId
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.serverId = "";

        /**
         * AuthOk serverTime.
         * @member {Long} serverTime
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * AuthOk heartbeatIntervalMs.
         * @member {number} heartbeatIntervalMs
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.heartbeatIntervalMs = 0;

        /**
         * AuthOk iceExpiresAt.
         * @member {Long} iceExpiresAt
         * @memberof voice.AuthOk
         * @instance
         */
        AuthOk.prototype.iceExpiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new AuthOk instance using the specified properties.
         * @function create
         * @memberof voice.AuthOk
         * @static
         * @param {voice.AuthOk.$Properties=} [properties] Properties to set
         * @returns {voice.AuthOk} AuthOk instance
         * @type {{
         *   (properties: voice.AuthOk.$Shape): voice.AuthOk & voice.AuthOk.$Shape;
         *   (properties?: voice.AuthOk.$Properties): voice.AuthOk;
         * }}
         */
        AuthOk.create = function(properties) {
            return new AuthOk(properties);
        };

        /**
         * Encodes the specified AuthOk message. Does not implicitly {@link voice.AuthOk.verify|verify} messages.
         * @function encode
         * @memberof voice.AuthOk
         * @static
         * @param {voice.AuthOk.$Properties} message AuthOk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AuthOk.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.expiresAt);
            if (message.iceServers != null && message.iceServers.length)
                for (let i = 0; i < message.iceServers.length; ++i)
                    $root.voice.IceServer.encode(message.iceServers[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.serverId != null && $Object.hasOwnProperty.call(message, "serverId") && message.serverId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.serverId);
            if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.serverTime);
            if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs") && message.heartbeatIntervalMs !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.heartbeatIntervalMs);
            if (message.iceExpiresAt != null && $Object.hasOwnProperty.call(message, "iceExpiresAt") && (typeof message.iceExpiresAt === "object" ? message.iceExpiresAt.low || message.iceExpiresAt.high : message.iceExpiresAt !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).int64(message.iceExpiresAt);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AuthOk message from the specified reader or buffer.
         * @function decode
         * @memberof voice.AuthOk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.AuthOk & voice.AuthOk.$Shape} AuthOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AuthOk.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.AuthOk();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.iceServers && message.iceServers.length))
                            message.iceServers = [];
                        message.iceServers.push($root.voice.IceServer.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.serverId = value;
                        else
                            delete message.serverId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.serverTime = value;
                        else
                            delete message.serverTime;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.heartbeatIntervalMs = value;
                        else
                            delete message.heartbeatIntervalMs;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.iceExpiresAt = value;
                        else
                            delete message.iceExpiresAt;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AuthOk;
    })();

    voice.IceServer = (function() {

        /**
         * Properties of an IceServer.
         * @typedef {Object} voice.IceServer.$Properties
         * @property {Array.<string>|null} [urls] IceServer urls
         * @property {string|null} [username] IceServer username
         * @property {string|null} [credential] IceServer credential
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an IceServer.
         * @memberof voice
         * @interface IIceServer
         * @augments voice.IceServer.$Properties
         * @deprecated Use voice.IceServer.$Properties instead.
         */

        /**
         * Shape of an IceServer.
         * @typedef {voice.IceServer.$Properties} voice.IceServer.$Shape
         */

        /**
         * Constructs a new IceServer.
         * @memberof voice
         * @classdesc Represents an IceServer.
         * @constructor
         * @param {voice.IceServer.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const IceServer = function (properties) {
            this.urls = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * IceServer urls.
         * @member {Array.<string>} urls
         * @memberof voice.IceServer
         * @instance
         */
        IceServer.prototype.urls = $util.emptyArray;

        /**
         * IceServer username.
         * @member {string} username
         * @memberof voice.IceServer
         * @instance
         */
        IceServer.prototype.username = "";

        /**
         * IceServer credential.
         * @member {string} credential
         * @memberof voice.IceServer
         * @instance
         */
        IceServer.prototype.credential = "";

        /**
         * Creates a new IceServer instance using the specified properties.
         * @function create
         * @memberof voice.IceServer
         * @static
         * @param {voice.IceServer.$Properties=} [properties] Properties to set
         * @returns {voice.IceServer} IceServer instance
         * @type {{
         *   (properties: voice.IceServer.$Shape): voice.IceServer & voice.IceServer.$Shape;
         *   (properties?: voice.IceServer.$Properties): voice.IceServer;
         * }}
         */
        IceServer.create = function(properties) {
            return new IceServer(properties);
        };

        /**
         * Encodes the specified IceServer message. Does not implicitly {@link voice.IceServer.verify|verify} messages.
         * @function encode
         * @memberof voice.IceServer
         * @static
         * @param {voice.IceServer.$Properties} message IceServer message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        IceServer.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.urls != null && message.urls.length)
                for (let i = 0; i < message.urls.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.urls[i]);
            if (message.username != null && $Object.hasOwnProperty.call(message, "username") && message.username !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.username);
            if (message.credential != null && $Object.hasOwnProperty.call(message, "credential") && message.credential !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.credential);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an IceServer message from the specified reader or buffer.
         * @function decode
         * @memberof voice.IceServer
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.IceServer & voice.IceServer.$Shape} IceServer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        IceServer.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.IceServer();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.urls && message.urls.length))
                            message.urls = [];
                        message.urls.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.username = value;
                        else
                            delete message.username;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.credential = value;
                        else
                            delete message.credential;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return IceServer;
    })();

    voice.TurnCredentials = (function() {

        /**
         * Properties of a TurnCredentials.
         * @typedef {Object} voice.TurnCredentials.$Properties
         * @property {Array.<voice.IceServer.$Properties>|null} [iceServers] TurnCredentials iceServers
         * @property {Long|null} [expiresAt] TurnCredentials expiresAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TurnCredentials.
         * @memberof voice
         * @interface ITurnCredentials
         * @augments voice.TurnCredentials.$Properties
         * @deprecated Use voice.TurnCredentials.$Properties instead.
         */

        /**
         * Shape of a TurnCredentials.
         * @typedef {voice.TurnCredentials.$Properties} voice.TurnCredentials.$Shape
         */

        /**
         * Constructs a new TurnCredentials.
         * @memberof voice
         * @classdesc Represents a TurnCredentials.
         * @constructor
         * @param {voice.TurnCredentials.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TurnCredentials = function (properties) {
            this.iceServers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TurnCredentials iceServers.
         * @member {Array.<voice.IceServer.$Properties>} iceServers
         * @memberof voice.TurnCredentials
         * @instance
         */
        TurnCredentials.prototype.iceServers = $util.emptyArray;

        /**
         * TurnCredentials expiresAt.
         * @member {Long} expiresAt
         * @memberof voice.TurnCredentials
         * @instance
         */
        TurnCredentials.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new TurnCredentials instance using the specified properties.
         * @function create
         * @memberof voice.TurnCredentials
         * @static
         * @param {voice.TurnCredentials.$Properties=} [properties] Properties to set
         * @returns {voice.TurnCredentials} TurnCredentials instance
         * @type {{
         *   (properties: voice.TurnCredentials.$Shape): voice.TurnCredentials & voice.TurnCredentials.$Shape;
         *   (properties?: voice.TurnCredentials.$Properties): voice.TurnCredentials;
         * }}
         */
        TurnCredentials.create = function(properties) {
            return new TurnCredentials(properties);
        };

        /**
         * Encodes the specified TurnCredentials message. Does not implicitly {@link voice.TurnCredentials.verify|verify} messages.
         * @function encode
         * @memberof voice.TurnCredentials
         * @static
         * @param {voice.TurnCredentials.$Properties} message TurnCredentials message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TurnCredentials.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.iceServers != null && message.iceServers.length)
                for (let i = 0; i < message.iceServers.length; ++i)
                    $root.voice.IceServer.encode(message.iceServers[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.expiresAt);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TurnCredentials message from the specified reader or buffer.
         * @function decode
         * @memberof voice.TurnCredentials
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.TurnCredentials & voice.TurnCredentials.$Shape} TurnCredentials
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TurnCredentials.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.TurnCredentials();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.iceServers && message.iceServers.length))
                            message.iceServers = [];
                        message.iceServers.push($root.voice.IceServer.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TurnCredentials;
    })();

    voice.SessionDelegation = (function() {

        /**
         * Properties of a SessionDelegation.
         * @typedef {Object} voice.SessionDelegation.$Properties
         * @property {string|null} [domain] SessionDelegation domain
         * @property {string|null} [account] SessionDelegation account
         * @property {Uint8Array|null} [sessionPublicKey] SessionDelegation sessionPublicKey
         * @property {Uint8Array|null} [genesisHash] SessionDelegation genesisHash
         * @property {string|null} [origin] SessionDelegation origin
         * @property {Long|null} [issuedAt] SessionDelegation issuedAt
         * @property {Long|null} [expiresAt] SessionDelegation expiresAt
         * @property {Uint8Array|null} [walletSignature] SessionDelegation walletSignature
         * @property {voice.KeyType|null} [keyType] SessionDelegation keyType
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SessionDelegation.
         * @memberof voice
         * @interface ISessionDelegation
         * @augments voice.SessionDelegation.$Properties
         * @deprecated Use voice.SessionDelegation.$Properties instead.
         */

        /**
         * Shape of a SessionDelegation.
         * @typedef {voice.SessionDelegation.$Properties} voice.SessionDelegation.$Shape
         */

        /**
         * Constructs a new SessionDelegation.
         * @memberof voice
         * @classdesc Represents a SessionDelegation.
         * @constructor
         * @param {voice.SessionDelegation.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SessionDelegation = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SessionDelegation domain.
         * @member {string} domain
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.domain = "";

        /**
         * SessionDelegation account.
         * @member {string} account
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.account = "";

        /**
         * SessionDelegation sessionPublicKey.
         * @member {Uint8Array} sessionPublicKey
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.sessionPublicKey = $util.newBuffer([]);

        /**
         * SessionDelegation genesisHash.
         * @member {Uint8Array} genesisHash
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.genesisHash = $util.newBuffer([]);

        /**
         * SessionDelegation origin.
         * @member {string} origin
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.origin = "";

        /**
         * SessionDelegation issuedAt.
         * @member {Long} issuedAt
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.issuedAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SessionDelegation expiresAt.
         * @member {Long} expiresAt
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SessionDelegation walletSignature.
         * @member {Uint8Array} walletSignature
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.walletSignature = $util.newBuffer([]);

        /**
         * SessionDelegation keyType.
         * @member {voice.KeyType} keyType
         * @memberof voice.SessionDelegation
         * @instance
         */
        SessionDelegation.prototype.keyType = 0;

        /**
         * Creates a new SessionDelegation instance using the specified properties.
         * @function create
         * @memberof voice.SessionDelegation
         * @static
         * @param {voice.SessionDelegation.$Properties=} [properties] Properties to set
         * @returns {voice.SessionDelegation} SessionDelegation instance
         * @type {{
         *   (properties: voice.SessionDelegation.$Shape): voice.SessionDelegation & voice.SessionDelegation.$Shape;
         *   (properties?: voice.SessionDelegation.$Properties): voice.SessionDelegation;
         * }}
         */
        SessionDelegation.create = function(properties) {
            return new SessionDelegation(properties);
        };

        /**
         * Encodes the specified SessionDelegation message. Does not implicitly {@link voice.SessionDelegation.verify|verify} messages.
         * @function encode
         * @memberof voice.SessionDelegation
         * @static
         * @param {voice.SessionDelegation.$Properties} message SessionDelegation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SessionDelegation.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.domain != null && $Object.hasOwnProperty.call(message, "domain") && message.domain !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.domain);
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.account);
            if (message.sessionPublicKey != null && $Object.hasOwnProperty.call(message, "sessionPublicKey") && message.sessionPublicKey.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.sessionPublicKey);
            if (message.genesisHash != null && $Object.hasOwnProperty.call(message, "genesisHash") && message.genesisHash.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.genesisHash);
            if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.origin);
            if (message.issuedAt != null && $Object.hasOwnProperty.call(message, "issuedAt") && (typeof message.issuedAt === "object" ? message.issuedAt.low || message.issuedAt.high : message.issuedAt !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.issuedAt);
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).int64(message.expiresAt);
            if (message.walletSignature != null && $Object.hasOwnProperty.call(message, "walletSignature") && message.walletSignature.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.walletSignature);
            if (message.keyType != null && $Object.hasOwnProperty.call(message, "keyType") && message.keyType !== 0)
                writer.uint32(/* id 9, wireType 0 =*/72).int32(message.keyType);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SessionDelegation message from the specified reader or buffer.
         * @function decode
         * @memberof voice.SessionDelegation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.SessionDelegation & voice.SessionDelegation.$Shape} SessionDelegation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SessionDelegation.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.SessionDelegation();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.domain = value;
                        else
                            delete message.domain;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.sessionPublicKey = value;
                        else
                            delete message.sessionPublicKey;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.genesisHash = value;
                        else
                            delete message.genesisHash;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.origin = value;
                        else
                            delete message.origin;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.issuedAt = value;
                        else
                            delete message.issuedAt;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.walletSignature = value;
                        else
                            delete message.walletSignature;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.keyType = value;
                        else
                            delete message.keyType;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SessionDelegation;
    })();

    /**
     * KeyType enum.
     * @name voice.KeyType
     * @enum {number}
     * @property {number} SR25519=0 SR25519 value
     * @property {number} ED25519=1 ED25519 value
     * @property {number} ECDSA=2 ECDSA value
     */
    voice.KeyType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SR25519"] = 0;
        values[valuesById[1] = "ED25519"] = 1;
        values[valuesById[2] = "ECDSA"] = 2;
        return values;
    })();

    voice.DelegationLookup = (function() {

        /**
         * Properties of a DelegationLookup.
         * @typedef {Object} voice.DelegationLookup.$Properties
         * @property {string|null} [account] DelegationLookup account
         * @property {Uint8Array|null} [sessionKey] DelegationLookup sessionKey
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DelegationLookup.
         * @memberof voice
         * @interface IDelegationLookup
         * @augments voice.DelegationLookup.$Properties
         * @deprecated Use voice.DelegationLookup.$Properties instead.
         */

        /**
         * Shape of a DelegationLookup.
         * @typedef {voice.DelegationLookup.$Properties} voice.DelegationLookup.$Shape
         */

        /**
         * Constructs a new DelegationLookup.
         * @memberof voice
         * @classdesc Represents a DelegationLookup.
         * @constructor
         * @param {voice.DelegationLookup.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DelegationLookup = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DelegationLookup account.
         * @member {string} account
         * @memberof voice.DelegationLookup
         * @instance
         */
        DelegationLookup.prototype.account = "";

        /**
         * DelegationLookup sessionKey.
         * @member {Uint8Array} sessionKey
         * @memberof voice.DelegationLookup
         * @instance
         */
        DelegationLookup.prototype.sessionKey = $util.newBuffer([]);

        /**
         * Creates a new DelegationLookup instance using the specified properties.
         * @function create
         * @memberof voice.DelegationLookup
         * @static
         * @param {voice.DelegationLookup.$Properties=} [properties] Properties to set
         * @returns {voice.DelegationLookup} DelegationLookup instance
         * @type {{
         *   (properties: voice.DelegationLookup.$Shape): voice.DelegationLookup & voice.DelegationLookup.$Shape;
         *   (properties?: voice.DelegationLookup.$Properties): voice.DelegationLookup;
         * }}
         */
        DelegationLookup.create = function(properties) {
            return new DelegationLookup(properties);
        };

        /**
         * Encodes the specified DelegationLookup message. Does not implicitly {@link voice.DelegationLookup.verify|verify} messages.
         * @function encode
         * @memberof voice.DelegationLookup
         * @static
         * @param {voice.DelegationLookup.$Properties} message DelegationLookup message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DelegationLookup.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.sessionKey != null && $Object.hasOwnProperty.call(message, "sessionKey") && message.sessionKey.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.sessionKey);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DelegationLookup message from the specified reader or buffer.
         * @function decode
         * @memberof voice.DelegationLookup
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.DelegationLookup & voice.DelegationLookup.$Shape} DelegationLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DelegationLookup.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.DelegationLookup();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.sessionKey = value;
                        else
                            delete message.sessionKey;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DelegationLookup;
    })();

    voice.DelegationResult = (function() {

        /**
         * Properties of a DelegationResult.
         * @typedef {Object} voice.DelegationResult.$Properties
         * @property {Array.<voice.SessionDelegation.$Properties>|null} [delegations] DelegationResult delegations
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DelegationResult.
         * @memberof voice
         * @interface IDelegationResult
         * @augments voice.DelegationResult.$Properties
         * @deprecated Use voice.DelegationResult.$Properties instead.
         */

        /**
         * Shape of a DelegationResult.
         * @typedef {voice.DelegationResult.$Properties} voice.DelegationResult.$Shape
         */

        /**
         * Constructs a new DelegationResult.
         * @memberof voice
         * @classdesc Represents a DelegationResult.
         * @constructor
         * @param {voice.DelegationResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DelegationResult = function (properties) {
            this.delegations = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DelegationResult delegations.
         * @member {Array.<voice.SessionDelegation.$Properties>} delegations
         * @memberof voice.DelegationResult
         * @instance
         */
        DelegationResult.prototype.delegations = $util.emptyArray;

        /**
         * Creates a new DelegationResult instance using the specified properties.
         * @function create
         * @memberof voice.DelegationResult
         * @static
         * @param {voice.DelegationResult.$Properties=} [properties] Properties to set
         * @returns {voice.DelegationResult} DelegationResult instance
         * @type {{
         *   (properties: voice.DelegationResult.$Shape): voice.DelegationResult & voice.DelegationResult.$Shape;
         *   (properties?: voice.DelegationResult.$Properties): voice.DelegationResult;
         * }}
         */
        DelegationResult.create = function(properties) {
            return new DelegationResult(properties);
        };

        /**
         * Encodes the specified DelegationResult message. Does not implicitly {@link voice.DelegationResult.verify|verify} messages.
         * @function encode
         * @memberof voice.DelegationResult
         * @static
         * @param {voice.DelegationResult.$Properties} message DelegationResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DelegationResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.delegations != null && message.delegations.length)
                for (let i = 0; i < message.delegations.length; ++i)
                    $root.voice.SessionDelegation.encode(message.delegations[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DelegationResult message from the specified reader or buffer.
         * @function decode
         * @memberof voice.DelegationResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.DelegationResult & voice.DelegationResult.$Shape} DelegationResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DelegationResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.DelegationResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.delegations && message.delegations.length))
                            message.delegations = [];
                        message.delegations.push($root.voice.SessionDelegation.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DelegationResult;
    })();

    voice.DeviceKeyBundle = (function() {

        /**
         * Properties of a DeviceKeyBundle.
         * @typedef {Object} voice.DeviceKeyBundle.$Properties
         * @property {string|null} [account] DeviceKeyBundle account
         * @property {Uint8Array|null} [deviceId] DeviceKeyBundle deviceId
         * @property {Uint8Array|null} [encryptionKey] DeviceKeyBundle encryptionKey
         * @property {Uint8Array|null} [signingKey] DeviceKeyBundle signingKey
         * @property {Long|null} [createdAt] DeviceKeyBundle createdAt
         * @property {Uint8Array|null} [walletSignature] DeviceKeyBundle walletSignature
         * @property {voice.KeyType|null} [keyType] DeviceKeyBundle keyType
         * @property {Array.<voice.SignedPrekey.$Properties>|null} [prekeys] DeviceKeyBundle prekeys
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeviceKeyBundle.
         * @memberof voice
         * @interface IDeviceKeyBundle
         * @augments voice.DeviceKeyBundle.$Properties
         * @deprecated Use voice.DeviceKeyBundle.$Properties instead.
         */

        /**
         * Shape of a DeviceKeyBundle.
         * @typedef {voice.DeviceKeyBundle.$Properties} voice.DeviceKeyBundle.$Shape
         */

        /**
         * Constructs a new DeviceKeyBundle.
         * @memberof voice
         * @classdesc Represents a DeviceKeyBundle.
         * @constructor
         * @param {voice.DeviceKeyBundle.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeviceKeyBundle = function (properties) {
            this.prekeys = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeviceKeyBundle account.
         * @member {string} account
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.account = "";

        /**
         * DeviceKeyBundle deviceId.
         * @member {Uint8Array} deviceId
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.deviceId = $util.newBuffer([]);

        /**
         * DeviceKeyBundle encryptionKey.
         * @member {Uint8Array} encryptionKey
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.encryptionKey = $util.newBuffer([]);

        /**
         * DeviceKeyBundle signingKey.
         * @member {Uint8Array} signingKey
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.signingKey = $util.newBuffer([]);

        /**
         * DeviceKeyBundle createdAt.
         * @member {Long} createdAt
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * DeviceKeyBundle walletSignature.
         * @member {Uint8Array} walletSignature
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.walletSignature = $util.newBuffer([]);

        /**
         * DeviceKeyBundle keyType.
         * @member {voice.KeyType} keyType
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.keyType = 0;

        /**
         * DeviceKeyBundle prekeys.
         * @member {Array.<voice.SignedPrekey.$Properties>} prekeys
         * @memberof voice.DeviceKeyBundle
         * @instance
         */
        DeviceKeyBundle.prototype.prekeys = $util.emptyArray;

        /**
         * Creates a new DeviceKeyBundle instance using the specified properties.
         * @function create
         * @memberof voice.DeviceKeyBundle
         * @static
         * @param {voice.DeviceKeyBundle.$Properties=} [properties] Properties to set
         * @returns {voice.DeviceKeyBundle} DeviceKeyBundle instance
         * @type {{
         *   (properties: voice.DeviceKeyBundle.$Shape): voice.DeviceKeyBundle & voice.DeviceKeyBundle.$Shape;
         *   (properties?: voice.DeviceKeyBundle.$Properties): voice.DeviceKeyBundle;
         * }}
         */
        DeviceKeyBundle.create = function(properties) {
            return new DeviceKeyBundle(properties);
        };

        /**
         * Encodes the specified DeviceKeyBundle message. Does not implicitly {@link voice.DeviceKeyBundle.verify|verify} messages.
         * @function encode
         * @memberof voice.DeviceKeyBundle
         * @static
         * @param {voice.DeviceKeyBundle.$Properties} message DeviceKeyBundle message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeviceKeyBundle.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.deviceId);
            if (message.encryptionKey != null && $Object.hasOwnProperty.call(message, "encryptionKey") && message.encryptionKey.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.encryptionKey);
            if (message.signingKey != null && $Object.hasOwnProperty.call(message, "signingKey") && message.signingKey.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.signingKey);
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.createdAt);
            if (message.walletSignature != null && $Object.hasOwnProperty.call(message, "walletSignature") && message.walletSignature.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.walletSignature);
            if (message.keyType != null && $Object.hasOwnProperty.call(message, "keyType") && message.keyType !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).int32(message.keyType);
            if (message.prekeys != null && message.prekeys.length)
                for (let i = 0; i < message.prekeys.length; ++i)
                    $root.voice.SignedPrekey.encode(message.prekeys[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeviceKeyBundle message from the specified reader or buffer.
         * @function decode
         * @memberof voice.DeviceKeyBundle
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.DeviceKeyBundle & voice.DeviceKeyBundle.$Shape} DeviceKeyBundle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeviceKeyBundle.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.DeviceKeyBundle();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.deviceId = value;
                        else
                            delete message.deviceId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.encryptionKey = value;
                        else
                            delete message.encryptionKey;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signingKey = value;
                        else
                            delete message.signingKey;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.createdAt = value;
                        else
                            delete message.createdAt;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.walletSignature = value;
                        else
                            delete message.walletSignature;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.keyType = value;
                        else
                            delete message.keyType;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.prekeys && message.prekeys.length))
                            message.prekeys = [];
                        message.prekeys.push($root.voice.SignedPrekey.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DeviceKeyBundle;
    })();

    voice.SignedPrekey = (function() {

        /**
         * Properties of a SignedPrekey.
         * @typedef {Object} voice.SignedPrekey.$Properties
         * @property {number|null} [id] SignedPrekey id
         * @property {Uint8Array|null} [publicKey] SignedPrekey publicKey
         * @property {Long|null} [expiresAt] SignedPrekey expiresAt
         * @property {Uint8Array|null} [signature] SignedPrekey signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SignedPrekey.
         * @memberof voice
         * @interface ISignedPrekey
         * @augments voice.SignedPrekey.$Properties
         * @deprecated Use voice.SignedPrekey.$Properties instead.
         */

        /**
         * Shape of a SignedPrekey.
         * @typedef {voice.SignedPrekey.$Properties} voice.SignedPrekey.$Shape
         */

        /**
         * Constructs a new SignedPrekey.
         * @memberof voice
         * @classdesc Represents a SignedPrekey.
         * @constructor
         * @param {voice.SignedPrekey.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SignedPrekey = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SignedPrekey id.
         * @member {number} id
         * @memberof voice.SignedPrekey
         * @instance
         */
        SignedPrekey.prototype.id = 0;

        /**
         * SignedPrekey publicKey.
         * @member {Uint8Array} publicKey
         * @memberof voice.SignedPrekey
         * @instance
         */
        SignedPrekey.prototype.publicKey = $util.newBuffer([]);

        /**
         * SignedPrekey expiresAt.
         * @member {Long} expiresAt
         * @memberof voice.SignedPrekey
         * @instance
         */
        SignedPrekey.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SignedPrekey signature.
         * @member {Uint8Array} signature
         * @memberof voice.SignedPrekey
         * @instance
         */
        SignedPrekey.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SignedPrekey instance using the specified properties.
         * @function create
         * @memberof voice.SignedPrekey
         * @static
         * @param {voice.SignedPrekey.$Properties=} [properties] Properties to set
         * @returns {voice.SignedPrekey} SignedPrekey instance
         * @type {{
         *   (properties: voice.SignedPrekey.$Shape): voice.SignedPrekey & voice.SignedPrekey.$Shape;
         *   (properties?: voice.SignedPrekey.$Properties): voice.SignedPrekey;
         * }}
         */
        SignedPrekey.create = function(properties) {
            return new SignedPrekey(properties);
        };

        /**
         * Encodes the specified SignedPrekey message. Does not implicitly {@link voice.SignedPrekey.verify|verify} messages.
         * @function encode
         * @memberof voice.SignedPrekey
         * @static
         * @param {voice.SignedPrekey.$Properties} message SignedPrekey message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SignedPrekey.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
            if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.publicKey);
            if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.expiresAt);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SignedPrekey message from the specified reader or buffer.
         * @function decode
         * @memberof voice.SignedPrekey
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.SignedPrekey & voice.SignedPrekey.$Shape} SignedPrekey
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SignedPrekey.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.SignedPrekey();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.publicKey = value;
                        else
                            delete message.publicKey;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAt = value;
                        else
                            delete message.expiresAt;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SignedPrekey;
    })();

    voice.KeysPublish = (function() {

        /**
         * Properties of a KeysPublish.
         * @typedef {Object} voice.KeysPublish.$Properties
         * @property {voice.DeviceKeyBundle.$Properties|null} [bundle] KeysPublish bundle
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeysPublish.
         * @memberof voice
         * @interface IKeysPublish
         * @augments voice.KeysPublish.$Properties
         * @deprecated Use voice.KeysPublish.$Properties instead.
         */

        /**
         * Shape of a KeysPublish.
         * @typedef {voice.KeysPublish.$Properties} voice.KeysPublish.$Shape
         */

        /**
         * Constructs a new KeysPublish.
         * @memberof voice
         * @classdesc Represents a KeysPublish.
         * @constructor
         * @param {voice.KeysPublish.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeysPublish = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeysPublish bundle.
         * @member {voice.DeviceKeyBundle.$Properties|null|undefined} bundle
         * @memberof voice.KeysPublish
         * @instance
         */
        KeysPublish.prototype.bundle = null;

        /**
         * Creates a new KeysPublish instance using the specified properties.
         * @function create
         * @memberof voice.KeysPublish
         * @static
         * @param {voice.KeysPublish.$Properties=} [properties] Properties to set
         * @returns {voice.KeysPublish} KeysPublish instance
         * @type {{
         *   (properties: voice.KeysPublish.$Shape): voice.KeysPublish & voice.KeysPublish.$Shape;
         *   (properties?: voice.KeysPublish.$Properties): voice.KeysPublish;
         * }}
         */
        KeysPublish.create = function(properties) {
            return new KeysPublish(properties);
        };

        /**
         * Encodes the specified KeysPublish message. Does not implicitly {@link voice.KeysPublish.verify|verify} messages.
         * @function encode
         * @memberof voice.KeysPublish
         * @static
         * @param {voice.KeysPublish.$Properties} message KeysPublish message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeysPublish.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.bundle != null && $Object.hasOwnProperty.call(message, "bundle"))
                $root.voice.DeviceKeyBundle.encode(message.bundle, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeysPublish message from the specified reader or buffer.
         * @function decode
         * @memberof voice.KeysPublish
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.KeysPublish & voice.KeysPublish.$Shape} KeysPublish
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeysPublish.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.KeysPublish();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.bundle = $root.voice.DeviceKeyBundle.decode(reader, reader.size(), $undefined, _depth + 1, message.bundle);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return KeysPublish;
    })();

    voice.KeysLookup = (function() {

        /**
         * Properties of a KeysLookup.
         * @typedef {Object} voice.KeysLookup.$Properties
         * @property {string|null} [account] KeysLookup account
         * @property {boolean|null} [claimPrekeys] KeysLookup claimPrekeys
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeysLookup.
         * @memberof voice
         * @interface IKeysLookup
         * @augments voice.KeysLookup.$Properties
         * @deprecated Use voice.KeysLookup.$Properties instead.
         */

        /**
         * Shape of a KeysLookup.
         * @typedef {voice.KeysLookup.$Properties} voice.KeysLookup.$Shape
         */

        /**
         * Constructs a new KeysLookup.
         * @memberof voice
         * @classdesc Represents a KeysLookup.
         * @constructor
         * @param {voice.KeysLookup.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeysLookup = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeysLookup account.
         * @member {string} account
         * @memberof voice.KeysLookup
         * @instance
         */
        KeysLookup.prototype.account = "";

        /**
         * KeysLookup claimPrekeys.
         * @member {boolean} claimPrekeys
         * @memberof voice.KeysLookup
         * @instance
         */
        KeysLookup.prototype.claimPrekeys = false;

        /**
         * Creates a new KeysLookup instance using the specified properties.
         * @function create
         * @memberof voice.KeysLookup
         * @static
         * @param {voice.KeysLookup.$Properties=} [properties] Properties to set
         * @returns {voice.KeysLookup} KeysLookup instance
         * @type {{
         *   (properties: voice.KeysLookup.$Shape): voice.KeysLookup & voice.KeysLookup.$Shape;
         *   (properties?: voice.KeysLookup.$Properties): voice.KeysLookup;
         * }}
         */
        KeysLookup.create = function(properties) {
            return new KeysLookup(properties);
        };

        /**
         * Encodes the specified KeysLookup message. Does not implicitly {@link voice.KeysLookup.verify|verify} messages.
         * @function encode
         * @memberof voice.KeysLookup
         * @static
         * @param {voice.KeysLookup.$Properties} message KeysLookup message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeysLookup.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.claimPrekeys != null && $Object.hasOwnProperty.call(message, "claimPrekeys") && message.claimPrekeys !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.claimPrekeys);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeysLookup message from the specified reader or buffer.
         * @function decode
         * @memberof voice.KeysLookup
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.KeysLookup & voice.KeysLookup.$Shape} KeysLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeysLookup.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.KeysLookup();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.claimPrekeys = value;
                        else
                            delete message.claimPrekeys;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return KeysLookup;
    })();

    voice.KeysResult = (function() {

        /**
         * Properties of a KeysResult.
         * @typedef {Object} voice.KeysResult.$Properties
         * @property {Array.<voice.DeviceKeyBundle.$Properties>|null} [devices] KeysResult devices
         * @property {Array.<number>|null} [prekeysLeft] KeysResult prekeysLeft
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeysResult.
         * @memberof voice
         * @interface IKeysResult
         * @augments voice.KeysResult.$Properties
         * @deprecated Use voice.KeysResult.$Properties instead.
         */

        /**
         * Shape of a KeysResult.
         * @typedef {voice.KeysResult.$Properties} voice.KeysResult.$Shape
         */

        /**
         * Constructs a new KeysResult.
         * @memberof voice
         * @classdesc Represents a KeysResult.
         * @constructor
         * @param {voice.KeysResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeysResult = function (properties) {
            this.devices = [];
            this.prekeysLeft = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeysResult devices.
         * @member {Array.<voice.DeviceKeyBundle.$Properties>} devices
         * @memberof voice.KeysResult
         * @instance
         */
        KeysResult.prototype.devices = $util.emptyArray;

        /**
         * KeysResult prekeysLeft.
         * @member {Array.<number>} prekeysLeft
         * @memberof voice.KeysResult
         * @instance
         */
        KeysResult.prototype.prekeysLeft = $util.emptyArray;

        /**
         * Creates a new KeysResult instance using the specified properties.
         * @function create
         * @memberof voice.KeysResult
         * @static
         * @param {voice.KeysResult.$Properties=} [properties] Properties to set
         * @returns {voice.KeysResult} KeysResult instance
         * @type {{
         *   (properties: voice.KeysResult.$Shape): voice.KeysResult & voice.KeysResult.$Shape;
         *   (properties?: voice.KeysResult.$Properties): voice.KeysResult;
         * }}
         */
        KeysResult.create = function(properties) {
            return new KeysResult(properties);
        };

        /**
         * Encodes the specified KeysResult message. Does not implicitly {@link voice.KeysResult.verify|verify} messages.
         * @function encode
         * @memberof voice.KeysResult
         * @static
         * @param {voice.KeysResult.$Properties} message KeysResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeysResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.devices != null && message.devices.length)
                for (let i = 0; i < message.devices.length; ++i)
                    $root.voice.DeviceKeyBundle.encode(message.devices[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.prekeysLeft != null && message.prekeysLeft.length)
                writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.prekeysLeft);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeysResult message from the specified reader or buffer.
         * @function decode
         * @memberof voice.KeysResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.KeysResult & voice.KeysResult.$Shape} KeysResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeysResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.KeysResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.devices && message.devices.length))
                            message.devices = [];
                        message.devices.push($root.voice.DeviceKeyBundle.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType === 2) {
                            if (!(message.prekeysLeft && message.prekeysLeft.length))
                                message.prekeysLeft = [];
                            reader.uint32s(message.prekeysLeft);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.prekeysLeft && message.prekeysLeft.length))
                            message.prekeysLeft = [];
                        message.prekeysLeft.push(reader.uint32());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return KeysResult;
    })();

    voice.ErrorMessage = (function() {

        /**
         * Properties of an ErrorMessage.
         * @typedef {Object} voice.ErrorMessage.$Properties
         * @property {string|null} [code] ErrorMessage code
         * @property {string|null} [message] ErrorMessage message
         * @property {voice.SignalType|null} [refType] ErrorMessage refType
         * @property {number|null} [detail] ErrorMessage detail
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ErrorMessage.
         * @memberof voice
         * @interface IErrorMessage
         * @augments voice.ErrorMessage.$Properties
         * @deprecated Use voice.ErrorMessage.$Properties instead.
         */

        /**
         * Shape of an ErrorMessage.
         * @typedef {voice.ErrorMessage.$Properties} voice.ErrorMessage.$Shape
         */

        /**
         * Constructs a new ErrorMessage.
         * @memberof voice
         * @classdesc Represents an ErrorMessage.
         * @constructor
         * @param {voice.ErrorMessage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ErrorMessage = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ErrorMessage code.
         * @member {string} code
         * @memberof voice.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.code = "";

        /**
         * ErrorMessage message.
         * @member {string} message
         * @memberof voice.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.message = "";

        /**
         * ErrorMessage refType.
         * @member {voice.SignalType|null|undefined} refType
         * @memberof voice.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.refType = null;

        /**
         * ErrorMessage detail.
         * @member {number} detail
         * @memberof voice.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.detail = 0;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(ErrorMessage.prototype, "_refType", {
            get: $util.oneOfGetter($oneOfFields = ["refType"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new ErrorMessage instance using the specified properties.
         * @function create
         * @memberof voice.ErrorMessage
         * @static
         * @param {voice.ErrorMessage.$Properties=} [properties] Properties to set
         * @returns {voice.ErrorMessage} ErrorMessage instance
         * @type {{
         *   (properties: voice.ErrorMessage.$Shape): voice.ErrorMessage & voice.ErrorMessage.$Shape;
         *   (properties?: voice.ErrorMessage.$Properties): voice.ErrorMessage;
         * }}
         */
        ErrorMessage.create = function(properties) {
            return new ErrorMessage(properties);
        };

        /**
         * Encodes the specified ErrorMessage message. Does not implicitly {@link voice.ErrorMessage.verify|verify} messages.
         * @function encode
         * @memberof voice.ErrorMessage
         * @static
         * @param {voice.ErrorMessage.$Properties} message ErrorMessage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ErrorMessage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.refType != null && $Object.hasOwnProperty.call(message, "refType"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.refType);
            if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).int32(message.detail);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ErrorMessage message from the specified reader or buffer.
         * @function decode
         * @memberof voice.ErrorMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.ErrorMessage & voice.ErrorMessage.$Shape} ErrorMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ErrorMessage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.ErrorMessage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.refType = reader.int32();
                        message._refType = "refType";
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.detail = value;
                        else
                            delete message.detail;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ErrorMessage;
    })();

    voice.VoiceMessageNotice = (function() {

        /**
         * Properties of a VoiceMessageNotice.
         * @typedef {Object} voice.VoiceMessageNotice.$Properties
         * @property {string|null} [cid] VoiceMessageNotice cid
         * @property {boolean|null} [burn] VoiceMessageNotice burn
         * @property {string|null} [blockHash] VoiceMessageNotice blockHash
         * @property {number|null} [durationMs] VoiceMessageNotice durationMs
         * @property {Uint8Array|null} [waveform] VoiceMessageNotice waveform
         * @property {boolean|null} ["public"] VoiceMessageNotice public
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceMessageNotice.
         * @memberof voice
         * @interface IVoiceMessageNotice
         * @augments voice.VoiceMessageNotice.$Properties
         * @deprecated Use voice.VoiceMessageNotice.$Properties instead.
         */

        /**
         * Shape of a VoiceMessageNotice.
         * @typedef {voice.VoiceMessageNotice.$Properties} voice.VoiceMessageNotice.$Shape
         */

        /**
         * Constructs a new VoiceMessageNotice.
         * @memberof voice
         * @classdesc Represents a VoiceMessageNotice.
         * @constructor
         * @param {voice.VoiceMessageNotice.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceMessageNotice = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceMessageNotice cid.
         * @member {string} cid
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype.cid = "";

        /**
         * VoiceMessageNotice burn.
         * @member {boolean} burn
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype.burn = false;

        /**
         * VoiceMessageNotice blockHash.
         * @member {string} blockHash
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype.blockHash = "";

        /**
         * VoiceMessageNotice durationMs.
         * @member {number} durationMs
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype.durationMs = 0;

        /**
         * VoiceMessageNotice waveform.
         * @member {Uint8Array} waveform
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype.waveform = $util.newBuffer([]);

        /**
         * VoiceMessageNotice public.
         * @member {boolean} public
         * @memberof voice.VoiceMessageNotice
         * @instance
         */
        VoiceMessageNotice.prototype["public"] = false;

        /**
         * Creates a new VoiceMessageNotice instance using the specified properties.
         * @function create
         * @memberof voice.VoiceMessageNotice
         * @static
         * @param {voice.VoiceMessageNotice.$Properties=} [properties] Properties to set
         * @returns {voice.VoiceMessageNotice} VoiceMessageNotice instance
         * @type {{
         *   (properties: voice.VoiceMessageNotice.$Shape): voice.VoiceMessageNotice & voice.VoiceMessageNotice.$Shape;
         *   (properties?: voice.VoiceMessageNotice.$Properties): voice.VoiceMessageNotice;
         * }}
         */
        VoiceMessageNotice.create = function(properties) {
            return new VoiceMessageNotice(properties);
        };

        /**
         * Encodes the specified VoiceMessageNotice message. Does not implicitly {@link voice.VoiceMessageNotice.verify|verify} messages.
         * @function encode
         * @memberof voice.VoiceMessageNotice
         * @static
         * @param {voice.VoiceMessageNotice.$Properties} message VoiceMessageNotice message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceMessageNotice.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid") && message.cid !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.cid);
            if (message.burn != null && $Object.hasOwnProperty.call(message, "burn") && message.burn !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.burn);
            if (message.blockHash != null && $Object.hasOwnProperty.call(message, "blockHash") && message.blockHash !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.blockHash);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.durationMs);
            if (message.waveform != null && $Object.hasOwnProperty.call(message, "waveform") && message.waveform.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.waveform);
            if (message["public"] != null && $Object.hasOwnProperty.call(message, "public") && message["public"] !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message["public"]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceMessageNotice message from the specified reader or buffer.
         * @function decode
         * @memberof voice.VoiceMessageNotice
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.VoiceMessageNotice & voice.VoiceMessageNotice.$Shape} VoiceMessageNotice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceMessageNotice.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.VoiceMessageNotice();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.cid = value;
                        else
                            delete message.cid;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.burn = value;
                        else
                            delete message.burn;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.blockHash = value;
                        else
                            delete message.blockHash;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.waveform = value;
                        else
                            delete message.waveform;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message["public"] = value;
                        else
                            delete message["public"];
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VoiceMessageNotice;
    })();

    voice.VoiceEnvelope = (function() {

        /**
         * Properties of a VoiceEnvelope.
         * @typedef {Object} voice.VoiceEnvelope.$Properties
         * @property {number|null} [version] VoiceEnvelope version
         * @property {string|null} [mimeType] VoiceEnvelope mimeType
         * @property {Array.<voice.WrappedKey.$Properties>|null} [keys] VoiceEnvelope keys
         * @property {boolean|null} [burn] VoiceEnvelope burn
         * @property {Uint8Array|null} [iv] VoiceEnvelope iv
         * @property {Uint8Array|null} [ciphertext] VoiceEnvelope ciphertext
         * @property {string|null} [sender] VoiceEnvelope sender
         * @property {Long|null} [createdAt] VoiceEnvelope createdAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceEnvelope.
         * @memberof voice
         * @interface IVoiceEnvelope
         * @augments voice.VoiceEnvelope.$Properties
         * @deprecated Use voice.VoiceEnvelope.$Properties instead.
         */

        /**
         * Shape of a VoiceEnvelope.
         * @typedef {voice.VoiceEnvelope.$Properties} voice.VoiceEnvelope.$Shape
         */

        /**
         * Constructs a new VoiceEnvelope.
         * @memberof voice
         * @classdesc Represents a VoiceEnvelope.
         * @constructor
         * @param {voice.VoiceEnvelope.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceEnvelope = function (properties) {
            this.keys = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceEnvelope version.
         * @member {number} version
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.version = 0;

        /**
         * VoiceEnvelope mimeType.
         * @member {string} mimeType
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.mimeType = "";

        /**
         * VoiceEnvelope keys.
         * @member {Array.<voice.WrappedKey.$Properties>} keys
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.keys = $util.emptyArray;

        /**
         * VoiceEnvelope burn.
         * @member {boolean} burn
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.burn = false;

        /**
         * VoiceEnvelope iv.
         * @member {Uint8Array} iv
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.iv = $util.newBuffer([]);

        /**
         * VoiceEnvelope ciphertext.
         * @member {Uint8Array} ciphertext
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.ciphertext = $util.newBuffer([]);

        /**
         * VoiceEnvelope sender.
         * @member {string} sender
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.sender = "";

        /**
         * VoiceEnvelope createdAt.
         * @member {Long} createdAt
         * @memberof voice.VoiceEnvelope
         * @instance
         */
        VoiceEnvelope.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new VoiceEnvelope instance using the specified properties.
         * @function create
         * @memberof voice.VoiceEnvelope
         * @static
         * @param {voice.VoiceEnvelope.$Properties=} [properties] Properties to set
         * @returns {voice.VoiceEnvelope} VoiceEnvelope instance
         * @type {{
         *   (properties: voice.VoiceEnvelope.$Shape): voice.VoiceEnvelope & voice.VoiceEnvelope.$Shape;
         *   (properties?: voice.VoiceEnvelope.$Properties): voice.VoiceEnvelope;
         * }}
         */
        VoiceEnvelope.create = function(properties) {
            return new VoiceEnvelope(properties);
        };

        /**
         * Encodes the specified VoiceEnvelope message. Does not implicitly {@link voice.VoiceEnvelope.verify|verify} messages.
         * @function encode
         * @memberof voice.VoiceEnvelope
         * @static
         * @param {voice.VoiceEnvelope.$Properties} message VoiceEnvelope message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceEnvelope.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
            if (message.mimeType != null && $Object.hasOwnProperty.call(message, "mimeType") && message.mimeType !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.mimeType);
            if (message.keys != null && message.keys.length)
                for (let i = 0; i < message.keys.length; ++i)
                    $root.voice.WrappedKey.encode(message.keys[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.burn != null && $Object.hasOwnProperty.call(message, "burn") && message.burn !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.burn);
            if (message.iv != null && $Object.hasOwnProperty.call(message, "iv") && message.iv.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.iv);
            if (message.ciphertext != null && $Object.hasOwnProperty.call(message, "ciphertext") && message.ciphertext.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.ciphertext);
            if (message.sender != null && $Object.hasOwnProperty.call(message, "sender") && message.sender !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.sender);
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).int64(message.createdAt);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceEnvelope message from the specified reader or buffer.
         * @function decode
         * @memberof voice.VoiceEnvelope
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.VoiceEnvelope & voice.VoiceEnvelope.$Shape} VoiceEnvelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceEnvelope.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.VoiceEnvelope();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mimeType = value;
                        else
                            delete message.mimeType;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.keys && message.keys.length))
                            message.keys = [];
                        message.keys.push($root.voice.WrappedKey.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.burn = value;
                        else
                            delete message.burn;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.iv = value;
                        else
                            delete message.iv;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ciphertext = value;
                        else
                            delete message.ciphertext;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sender = value;
                        else
                            delete message.sender;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.createdAt = value;
                        else
                            delete message.createdAt;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VoiceEnvelope;
    })();

    voice.WrappedKey = (function() {

        /**
         * Properties of a WrappedKey.
         * @typedef {Object} voice.WrappedKey.$Properties
         * @property {string|null} [account] WrappedKey account
         * @property {Uint8Array|null} [deviceId] WrappedKey deviceId
         * @property {number|null} [prekeyId] WrappedKey prekeyId
         * @property {Uint8Array|null} [ephemeralKey] WrappedKey ephemeralKey
         * @property {Uint8Array|null} [wrappedKey] WrappedKey wrappedKey
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WrappedKey.
         * @memberof voice
         * @interface IWrappedKey
         * @augments voice.WrappedKey.$Properties
         * @deprecated Use voice.WrappedKey.$Properties instead.
         */

        /**
         * Shape of a WrappedKey.
         * @typedef {voice.WrappedKey.$Properties} voice.WrappedKey.$Shape
         */

        /**
         * Constructs a new WrappedKey.
         * @memberof voice
         * @classdesc Represents a WrappedKey.
         * @constructor
         * @param {voice.WrappedKey.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WrappedKey = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WrappedKey account.
         * @member {string} account
         * @memberof voice.WrappedKey
         * @instance
         */
        WrappedKey.prototype.account = "";

        /**
         * WrappedKey deviceId.
         * @member {Uint8Array} deviceId
         * @memberof voice.WrappedKey
         * @instance
         */
        WrappedKey.prototype.deviceId = $util.newBuffer([]);

        /**
         * WrappedKey prekeyId.
         * @member {number} prekeyId
         * @memberof voice.WrappedKey
         * @instance
         */
        WrappedKey.prototype.prekeyId = 0;

        /**
         * WrappedKey ephemeralKey.
         * @member {Uint8Array} ephemeralKey
         * @memberof voice.WrappedKey
         * @instance
         */
        WrappedKey.prototype.ephemeralKey = $util.newBuffer([]);

        /**
         * WrappedKey wrappedKey.
         * @member {Uint8Array} wrappedKey
         * @memberof voice.WrappedKey
         * @instance
         */
        WrappedKey.prototype.wrappedKey = $util.newBuffer([]);

        /**
         * Creates a new WrappedKey instance using the specified properties.
         * @function create
         * @memberof voice.WrappedKey
         * @static
         * @param {voice.WrappedKey.$Properties=} [properties] Properties to set
         * @returns {voice.WrappedKey} WrappedKey instance
         * @type {{
         *   (properties: voice.WrappedKey.$Shape): voice.WrappedKey & voice.WrappedKey.$Shape;
         *   (properties?: voice.WrappedKey.$Properties): voice.WrappedKey;
         * }}
         */
        WrappedKey.create = function(properties) {
            return new WrappedKey(properties);
        };

        /**
         * Encodes the specified WrappedKey message. Does not implicitly {@link voice.WrappedKey.verify|verify} messages.
         * @function encode
         * @memberof voice.WrappedKey
         * @static
         * @param {voice.WrappedKey.$Properties} message WrappedKey message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WrappedKey.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
            if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.deviceId);
            if (message.prekeyId != null && $Object.hasOwnProperty.call(message, "prekeyId") && message.prekeyId !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.prekeyId);
            if (message.ephemeralKey != null && $Object.hasOwnProperty.call(message, "ephemeralKey") && message.ephemeralKey.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.ephemeralKey);
            if (message.wrappedKey != null && $Object.hasOwnProperty.call(message, "wrappedKey") && message.wrappedKey.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.wrappedKey);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WrappedKey message from the specified reader or buffer.
         * @function decode
         * @memberof voice.WrappedKey
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.WrappedKey & voice.WrappedKey.$Shape} WrappedKey
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WrappedKey.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.WrappedKey();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.account = value;
                        else
                            delete message.account;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.deviceId = value;
                        else
                            delete message.deviceId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.prekeyId = value;
                        else
                            delete message.prekeyId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ephemeralKey = value;
                        else
                            delete message.ephemeralKey;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.wrappedKey = value;
                        else
                            delete message.wrappedKey;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return WrappedKey;
    })();

    voice.VoiceContent = (function() {

        /**
         * Properties of a VoiceContent.
         * @typedef {Object} voice.VoiceContent.$Properties
         * @property {Uint8Array|null} [audio] VoiceContent audio
         * @property {number|null} [durationMs] VoiceContent durationMs
         * @property {Uint8Array|null} [waveform] VoiceContent waveform
         * @property {string|null} [transcription] VoiceContent transcription
         * @property {string|null} [mimeType] VoiceContent mimeType
         * @property {Long|null} [recordedAt] VoiceContent recordedAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VoiceContent.
         * @memberof voice
         * @interface IVoiceContent
         * @augments voice.VoiceContent.$Properties
         * @deprecated Use voice.VoiceContent.$Properties instead.
         */

        /**
         * Shape of a VoiceContent.
         * @typedef {voice.VoiceContent.$Properties} voice.VoiceContent.$Shape
         */

        /**
         * Constructs a new VoiceContent.
         * @memberof voice
         * @classdesc Represents a VoiceContent.
         * @constructor
         * @param {voice.VoiceContent.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VoiceContent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VoiceContent audio.
         * @member {Uint8Array} audio
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.audio = $util.newBuffer([]);

        /**
         * VoiceContent durationMs.
         * @member {number} durationMs
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.durationMs = 0;

        /**
         * VoiceContent waveform.
         * @member {Uint8Array} waveform
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.waveform = $util.newBuffer([]);

        /**
         * VoiceContent transcription.
         * @member {string} transcription
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.transcription = "";

        /**
         * VoiceContent mimeType.
         * @member {string} mimeType
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.mimeType = "";

        /**
         * VoiceContent recordedAt.
         * @member {Long} recordedAt
         * @memberof voice.VoiceContent
         * @instance
         */
        VoiceContent.prototype.recordedAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new VoiceContent instance using the specified properties.
         * @function create
         * @memberof voice.VoiceContent
         * @static
         * @param {voice.VoiceContent.$Properties=} [properties] Properties to set
         * @returns {voice.VoiceContent} VoiceContent instance
         * @type {{
         *   (properties: voice.VoiceContent.$Shape): voice.VoiceContent & voice.VoiceContent.$Shape;
         *   (properties?: voice.VoiceContent.$Properties): voice.VoiceContent;
         * }}
         */
        VoiceContent.create = function(properties) {
            return new VoiceContent(properties);
        };

        /**
         * Encodes the specified VoiceContent message. Does not implicitly {@link voice.VoiceContent.verify|verify} messages.
         * @function encode
         * @memberof voice.VoiceContent
         * @static
         * @param {voice.VoiceContent.$Properties} message VoiceContent message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VoiceContent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.audio != null && $Object.hasOwnProperty.call(message, "audio") && message.audio.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.audio);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.durationMs);
            if (message.waveform != null && $Object.hasOwnProperty.call(message, "waveform") && message.waveform.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.waveform);
            if (message.transcription != null && $Object.hasOwnProperty.call(message, "transcription") && message.transcription !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.transcription);
            if (message.mimeType != null && $Object.hasOwnProperty.call(message, "mimeType") && message.mimeType !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.mimeType);
            if (message.recordedAt != null && $Object.hasOwnProperty.call(message, "recordedAt") && (typeof message.recordedAt === "object" ? message.recordedAt.low || message.recordedAt.high : message.recordedAt !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.recordedAt);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VoiceContent message from the specified reader or buffer.
         * @function decode
         * @memberof voice.VoiceContent
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {voice.VoiceContent & voice.VoiceContent.$Shape} VoiceContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VoiceContent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.voice.VoiceContent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.audio = value;
                        else
                            delete message.audio;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.waveform = value;
                        else
                            delete message.waveform;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transcription = value;
                        else
                            delete message.transcription;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.mimeType = value;
                        else
                            delete message.mimeType;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.recordedAt = value;
                        else
                            delete message.recordedAt;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VoiceContent;
    })();

    /**
     * CallType enum.
     * @name voice.CallType
     * @enum {number}
     * @property {number} AUDIO=0 AUDIO value
     * @property {number} VIDEO=1 VIDEO value
     */
    voice.CallType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "AUDIO"] = 0;
        values[valuesById[1] = "VIDEO"] = 1;
        return values;
    })();

    /**
     * MemberRole enum.
     * @name voice.MemberRole
     * @enum {number}
     * @property {number} HOST=0 HOST value
     * @property {number} CO_HOST=1 CO_HOST value
     * @property {number} SPEAKER=2 SPEAKER value
     * @property {number} LISTENER=3 LISTENER value
     */
    voice.MemberRole = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "HOST"] = 0;
        values[valuesById[1] = "CO_HOST"] = 1;
        values[valuesById[2] = "SPEAKER"] = 2;
        values[valuesById[3] = "LISTENER"] = 3;
        return values;
    })();

    /**
     * SpeakingMode enum.
     * @name voice.SpeakingMode
     * @enum {number}
     * @property {number} FREE_SPEAK=0 FREE_SPEAK value
     * @property {number} HOST_ONLY=1 HOST_ONLY value
     * @property {number} RAISE_HAND=2 RAISE_HAND value
     * @property {number} SEQUENTIAL=3 SEQUENTIAL value
     */
    voice.SpeakingMode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "FREE_SPEAK"] = 0;
        values[valuesById[1] = "HOST_ONLY"] = 1;
        values[valuesById[2] = "RAISE_HAND"] = 2;
        values[valuesById[3] = "SEQUENTIAL"] = 3;
        return values;
    })();

    /**
     * RejectReason enum.
     * @name voice.RejectReason
     * @enum {number}
     * @property {number} BUSY=0 BUSY value
     * @property {number} DECLINE=1 DECLINE value
     * @property {number} TIMEOUT=2 TIMEOUT value
     * @property {number} OFFLINE=3 OFFLINE value
     */
    voice.RejectReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "BUSY"] = 0;
        values[valuesById[1] = "DECLINE"] = 1;
        values[valuesById[2] = "TIMEOUT"] = 2;
        values[valuesById[3] = "OFFLINE"] = 3;
        return values;
    })();

    /**
     * EndReason enum.
     * @name voice.EndReason
     * @enum {number}
     * @property {number} NORMAL=0 NORMAL value
     * @property {number} CANCELLED=1 CANCELLED value
     * @property {number} NETWORK_ERROR=2 NETWORK_ERROR value
     * @property {number} END_TIMEOUT=3 END_TIMEOUT value
     * @property {number} TAMPERED=4 TAMPERED value
     * @property {number} REJECTED=5 REJECTED value
     */
    voice.EndReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "NORMAL"] = 0;
        values[valuesById[1] = "CANCELLED"] = 1;
        values[valuesById[2] = "NETWORK_ERROR"] = 2;
        values[valuesById[3] = "END_TIMEOUT"] = 3;
        values[valuesById[4] = "TAMPERED"] = 4;
        values[valuesById[5] = "REJECTED"] = 5;
        return values;
    })();

    return voice;
})();

export {
  $root as default
};
