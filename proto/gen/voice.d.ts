import * as $protobuf from "protobufjs";
import Long from "long";

/** Namespace voice. */
export namespace voice {

    /** SignalType enum. */
    enum SignalType {

        /** CALL_INVITE value */
        CALL_INVITE = 0,

        /** CALL_ACCEPT value */
        CALL_ACCEPT = 1,

        /** CALL_REJECT value */
        CALL_REJECT = 2,

        /** CALL_CANCEL value */
        CALL_CANCEL = 3,

        /** CALL_HANGUP value */
        CALL_HANGUP = 4,

        /** CALL_BUSY value */
        CALL_BUSY = 5,

        /** CALL_CHAIN_LINK value */
        CALL_CHAIN_LINK = 6,

        /** SDP_OFFER value */
        SDP_OFFER = 10,

        /** SDP_ANSWER value */
        SDP_ANSWER = 11,

        /** ICE_CANDIDATE value */
        ICE_CANDIDATE = 12,

        /** ROOM_JOIN value */
        ROOM_JOIN = 20,

        /** ROOM_LEAVE value */
        ROOM_LEAVE = 21,

        /** ROOM_MUTE value */
        ROOM_MUTE = 22,

        /** ROOM_ROLE value */
        ROOM_ROLE = 23,

        /** ROOM_KICK value */
        ROOM_KICK = 24,

        /** ROOM_STATE value */
        ROOM_STATE = 25,

        /** ROOM_RAISE_HAND value */
        ROOM_RAISE_HAND = 26,

        /** ROOM_SPEAKING value */
        ROOM_SPEAKING = 27,

        /** ROOM_TURN value */
        ROOM_TURN = 28,

        /** ROOM_MODERATION value */
        ROOM_MODERATION = 29,

        /** HEARTBEAT value */
        HEARTBEAT = 30,

        /** HEARTBEAT_ACK value */
        HEARTBEAT_ACK = 31,

        /** AUTH_CHALLENGE value */
        AUTH_CHALLENGE = 40,

        /** AUTH_RESPONSE value */
        AUTH_RESPONSE = 41,

        /** AUTH_OK value */
        AUTH_OK = 42,

        /** LOGOUT value */
        LOGOUT = 43,

        /** ERROR value */
        ERROR = 50,

        /** ACK value */
        ACK = 51,

        /** VOICE_MESSAGE value */
        VOICE_MESSAGE = 60,

        /** KEYS_PUBLISH value */
        KEYS_PUBLISH = 70,

        /** KEYS_LOOKUP value */
        KEYS_LOOKUP = 71,

        /** KEYS_RESULT value */
        KEYS_RESULT = 72,

        /** DELEGATION_LOOKUP value */
        DELEGATION_LOOKUP = 73,

        /** DELEGATION_RESULT value */
        DELEGATION_RESULT = 74,

        /** TURN_REFRESH value */
        TURN_REFRESH = 75,

        /** TURN_CREDENTIALS value */
        TURN_CREDENTIALS = 76,

        /** ROOM_JSEP value */
        ROOM_JSEP = 80,

        /** ROOM_TRICKLE value */
        ROOM_TRICKLE = 81,

        /** ROOM_TIP value */
        ROOM_TIP = 82,

        /** ROOM_CLOSE value */
        ROOM_CLOSE = 83,

        /** ROOM_MODE value */
        ROOM_MODE = 84
    }

    /**
     * Properties of a SignalMessage.
     * @deprecated Use voice.SignalMessage.$Properties instead.
     */
    interface ISignalMessage extends voice.SignalMessage.$Properties {
    }

    /** Represents a SignalMessage. */
    class SignalMessage {

        /**
         * Constructs a new SignalMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.SignalMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SignalMessage type. */
        type?: (voice.SignalType|null);

        /** SignalMessage from. */
        from: string;

        /** SignalMessage to. */
        to: string;

        /** SignalMessage callId. */
        callId: string;

        /** SignalMessage roomId. */
        roomId: string;

        /** SignalMessage payload. */
        payload: Uint8Array;

        /** SignalMessage timestamp. */
        timestamp: Long;

        /** SignalMessage signature. */
        signature: Uint8Array;

        /** SignalMessage nonce. */
        nonce: Uint8Array;

        /** SignalMessage requestId. */
        requestId: number;

        /** SignalMessage sessionKey. */
        sessionKey: Uint8Array;

        /**
         * Creates a new SignalMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SignalMessage instance
         */
        static create(properties: voice.SignalMessage.$Shape): voice.SignalMessage & voice.SignalMessage.$Shape;
        static create(properties?: voice.SignalMessage.$Properties): voice.SignalMessage;

        /**
         * Encodes the specified SignalMessage message. Does not implicitly {@link voice.SignalMessage.verify|verify} messages.
         * @param message SignalMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.SignalMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SignalMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.SignalMessage & voice.SignalMessage.$Shape} SignalMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.SignalMessage & voice.SignalMessage.$Shape;
    }

    namespace SignalMessage {

        /** Properties of a SignalMessage. */
        interface $Properties {

            /** SignalMessage type */
            type?: (voice.SignalType|null);

            /** SignalMessage from */
            from?: (string|null);

            /** SignalMessage to */
            to?: (string|null);

            /** SignalMessage callId */
            callId?: (string|null);

            /** SignalMessage roomId */
            roomId?: (string|null);

            /** SignalMessage payload */
            payload?: (Uint8Array|null);

            /** SignalMessage timestamp */
            timestamp?: (Long|null);

            /** SignalMessage signature */
            signature?: (Uint8Array|null);

            /** SignalMessage nonce */
            nonce?: (Uint8Array|null);

            /** SignalMessage requestId */
            requestId?: (number|null);

            /** SignalMessage sessionKey */
            sessionKey?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SignalMessage. */
        type $Shape = voice.SignalMessage.$Properties;
    }

    /**
     * Properties of a CallInvite.
     * @deprecated Use voice.CallInvite.$Properties instead.
     */
    interface ICallInvite extends voice.CallInvite.$Properties {
    }

    /** Represents a CallInvite. */
    class CallInvite {

        /**
         * Constructs a new CallInvite.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallInvite.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallInvite callerName. */
        callerName: string;

        /** CallInvite callerAvatar. */
        callerAvatar: string;

        /** CallInvite callType. */
        callType?: (voice.CallType|null);

        /** CallInvite delegation. */
        delegation?: (voice.SessionDelegation.$Properties|null);

        /** CallInvite hd. */
        hd: boolean;

        /**
         * Creates a new CallInvite instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallInvite instance
         */
        static create(properties: voice.CallInvite.$Shape): voice.CallInvite & voice.CallInvite.$Shape;
        static create(properties?: voice.CallInvite.$Properties): voice.CallInvite;

        /**
         * Encodes the specified CallInvite message. Does not implicitly {@link voice.CallInvite.verify|verify} messages.
         * @param message CallInvite message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallInvite.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallInvite message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallInvite & voice.CallInvite.$Shape} CallInvite
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallInvite & voice.CallInvite.$Shape;
    }

    namespace CallInvite {

        /** Properties of a CallInvite. */
        interface $Properties {

            /** CallInvite callerName */
            callerName?: (string|null);

            /** CallInvite callerAvatar */
            callerAvatar?: (string|null);

            /** CallInvite callType */
            callType?: (voice.CallType|null);

            /** CallInvite delegation */
            delegation?: (voice.SessionDelegation.$Properties|null);

            /** CallInvite hd */
            hd?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallInvite. */
        type $Shape = voice.CallInvite.$Properties;
    }

    /**
     * Properties of a CallAccept.
     * @deprecated Use voice.CallAccept.$Properties instead.
     */
    interface ICallAccept extends voice.CallAccept.$Properties {
    }

    /** Represents a CallAccept. */
    class CallAccept {

        /**
         * Constructs a new CallAccept.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallAccept.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallAccept delegation. */
        delegation?: (voice.SessionDelegation.$Properties|null);

        /**
         * Creates a new CallAccept instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallAccept instance
         */
        static create(properties: voice.CallAccept.$Shape): voice.CallAccept & voice.CallAccept.$Shape;
        static create(properties?: voice.CallAccept.$Properties): voice.CallAccept;

        /**
         * Encodes the specified CallAccept message. Does not implicitly {@link voice.CallAccept.verify|verify} messages.
         * @param message CallAccept message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallAccept.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallAccept message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallAccept & voice.CallAccept.$Shape} CallAccept
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallAccept & voice.CallAccept.$Shape;
    }

    namespace CallAccept {

        /** Properties of a CallAccept. */
        interface $Properties {

            /** CallAccept delegation */
            delegation?: (voice.SessionDelegation.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallAccept. */
        type $Shape = voice.CallAccept.$Properties;
    }

    /**
     * Properties of a CallReject.
     * @deprecated Use voice.CallReject.$Properties instead.
     */
    interface ICallReject extends voice.CallReject.$Properties {
    }

    /** Represents a CallReject. */
    class CallReject {

        /**
         * Constructs a new CallReject.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallReject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallReject reason. */
        reason: voice.RejectReason;

        /**
         * Creates a new CallReject instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallReject instance
         */
        static create(properties: voice.CallReject.$Shape): voice.CallReject & voice.CallReject.$Shape;
        static create(properties?: voice.CallReject.$Properties): voice.CallReject;

        /**
         * Encodes the specified CallReject message. Does not implicitly {@link voice.CallReject.verify|verify} messages.
         * @param message CallReject message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallReject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallReject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallReject & voice.CallReject.$Shape} CallReject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallReject & voice.CallReject.$Shape;
    }

    namespace CallReject {

        /** Properties of a CallReject. */
        interface $Properties {

            /** CallReject reason */
            reason?: (voice.RejectReason|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallReject. */
        type $Shape = voice.CallReject.$Properties;
    }

    /**
     * Properties of a CallBusy.
     * @deprecated Use voice.CallBusy.$Properties instead.
     */
    interface ICallBusy extends voice.CallBusy.$Properties {
    }

    /** Represents a CallBusy. */
    class CallBusy {

        /**
         * Constructs a new CallBusy.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallBusy.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallBusy reason. */
        reason: voice.RejectReason;

        /**
         * Creates a new CallBusy instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallBusy instance
         */
        static create(properties: voice.CallBusy.$Shape): voice.CallBusy & voice.CallBusy.$Shape;
        static create(properties?: voice.CallBusy.$Properties): voice.CallBusy;

        /**
         * Encodes the specified CallBusy message. Does not implicitly {@link voice.CallBusy.verify|verify} messages.
         * @param message CallBusy message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallBusy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallBusy message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallBusy & voice.CallBusy.$Shape} CallBusy
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallBusy & voice.CallBusy.$Shape;
    }

    namespace CallBusy {

        /** Properties of a CallBusy. */
        interface $Properties {

            /** CallBusy reason */
            reason?: (voice.RejectReason|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallBusy. */
        type $Shape = voice.CallBusy.$Properties;
    }

    /**
     * Properties of a CallHangup.
     * @deprecated Use voice.CallHangup.$Properties instead.
     */
    interface ICallHangup extends voice.CallHangup.$Properties {
    }

    /** Represents a CallHangup. */
    class CallHangup {

        /**
         * Constructs a new CallHangup.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallHangup.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallHangup reason. */
        reason: voice.EndReason;

        /** CallHangup glare. */
        glare: boolean;

        /**
         * Creates a new CallHangup instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallHangup instance
         */
        static create(properties: voice.CallHangup.$Shape): voice.CallHangup & voice.CallHangup.$Shape;
        static create(properties?: voice.CallHangup.$Properties): voice.CallHangup;

        /**
         * Encodes the specified CallHangup message. Does not implicitly {@link voice.CallHangup.verify|verify} messages.
         * @param message CallHangup message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallHangup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallHangup message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallHangup & voice.CallHangup.$Shape} CallHangup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallHangup & voice.CallHangup.$Shape;
    }

    namespace CallHangup {

        /** Properties of a CallHangup. */
        interface $Properties {

            /** CallHangup reason */
            reason?: (voice.EndReason|null);

            /** CallHangup glare */
            glare?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallHangup. */
        type $Shape = voice.CallHangup.$Properties;
    }

    /**
     * Properties of a CallChainLink.
     * @deprecated Use voice.CallChainLink.$Properties instead.
     */
    interface ICallChainLink extends voice.CallChainLink.$Properties {
    }

    /** Represents a CallChainLink. */
    class CallChainLink {

        /**
         * Constructs a new CallChainLink.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.CallChainLink.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallChainLink chainCallId. */
        chainCallId: Uint8Array;

        /**
         * Creates a new CallChainLink instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallChainLink instance
         */
        static create(properties: voice.CallChainLink.$Shape): voice.CallChainLink & voice.CallChainLink.$Shape;
        static create(properties?: voice.CallChainLink.$Properties): voice.CallChainLink;

        /**
         * Encodes the specified CallChainLink message. Does not implicitly {@link voice.CallChainLink.verify|verify} messages.
         * @param message CallChainLink message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.CallChainLink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallChainLink message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.CallChainLink & voice.CallChainLink.$Shape} CallChainLink
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.CallChainLink & voice.CallChainLink.$Shape;
    }

    namespace CallChainLink {

        /** Properties of a CallChainLink. */
        interface $Properties {

            /** CallChainLink chainCallId */
            chainCallId?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallChainLink. */
        type $Shape = voice.CallChainLink.$Properties;
    }

    /**
     * Properties of a SdpMessage.
     * @deprecated Use voice.SdpMessage.$Properties instead.
     */
    interface ISdpMessage extends voice.SdpMessage.$Properties {
    }

    /** Represents a SdpMessage. */
    class SdpMessage {

        /**
         * Constructs a new SdpMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.SdpMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SdpMessage sdp. */
        sdp: string;

        /** SdpMessage type. */
        type: string;

        /** SdpMessage iceRestart. */
        iceRestart: boolean;

        /**
         * Creates a new SdpMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SdpMessage instance
         */
        static create(properties: voice.SdpMessage.$Shape): voice.SdpMessage & voice.SdpMessage.$Shape;
        static create(properties?: voice.SdpMessage.$Properties): voice.SdpMessage;

        /**
         * Encodes the specified SdpMessage message. Does not implicitly {@link voice.SdpMessage.verify|verify} messages.
         * @param message SdpMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.SdpMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SdpMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.SdpMessage & voice.SdpMessage.$Shape} SdpMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.SdpMessage & voice.SdpMessage.$Shape;
    }

    namespace SdpMessage {

        /** Properties of a SdpMessage. */
        interface $Properties {

            /** SdpMessage sdp */
            sdp?: (string|null);

            /** SdpMessage type */
            type?: (string|null);

            /** SdpMessage iceRestart */
            iceRestart?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SdpMessage. */
        type $Shape = voice.SdpMessage.$Properties;
    }

    /**
     * Properties of an IceCandidate.
     * @deprecated Use voice.IceCandidate.$Properties instead.
     */
    interface IIceCandidate extends voice.IceCandidate.$Properties {
    }

    /** Represents an IceCandidate. */
    class IceCandidate {

        /**
         * Constructs a new IceCandidate.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.IceCandidate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IceCandidate candidate. */
        candidate: string;

        /** IceCandidate sdpMid. */
        sdpMid?: (string|null);

        /** IceCandidate sdpMlineIndex. */
        sdpMlineIndex?: (number|null);

        /** IceCandidate usernameFragment. */
        usernameFragment?: (string|null);

        /**
         * Creates a new IceCandidate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IceCandidate instance
         */
        static create(properties: voice.IceCandidate.$Shape): voice.IceCandidate & voice.IceCandidate.$Shape;
        static create(properties?: voice.IceCandidate.$Properties): voice.IceCandidate;

        /**
         * Encodes the specified IceCandidate message. Does not implicitly {@link voice.IceCandidate.verify|verify} messages.
         * @param message IceCandidate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.IceCandidate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IceCandidate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.IceCandidate & voice.IceCandidate.$Shape} IceCandidate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.IceCandidate & voice.IceCandidate.$Shape;
    }

    namespace IceCandidate {

        /** Properties of an IceCandidate. */
        interface $Properties {

            /** IceCandidate candidate */
            candidate?: (string|null);

            /** IceCandidate sdpMid */
            sdpMid?: (string|null);

            /** IceCandidate sdpMlineIndex */
            sdpMlineIndex?: (number|null);

            /** IceCandidate usernameFragment */
            usernameFragment?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IceCandidate. */
        type $Shape = voice.IceCandidate.$Properties;
    }

    /**
     * Properties of a RoomStateUpdate.
     * @deprecated Use voice.RoomStateUpdate.$Properties instead.
     */
    interface IRoomStateUpdate extends voice.RoomStateUpdate.$Properties {
    }

    /** Represents a RoomStateUpdate. */
    class RoomStateUpdate {

        /**
         * Constructs a new RoomStateUpdate.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomStateUpdate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomStateUpdate members. */
        members: voice.RoomMemberState.$Properties[];

        /** RoomStateUpdate speakingMode. */
        speakingMode?: (voice.SpeakingMode|null);

        /** RoomStateUpdate activeSpeakers. */
        activeSpeakers: string[];

        /** RoomStateUpdate handQueue. */
        handQueue: string[];

        /** RoomStateUpdate turn. */
        turn?: (voice.RoomTurn.$Properties|null);

        /** RoomStateUpdate media. */
        media: string;

        /** RoomStateUpdate closed. */
        closed: boolean;

        /** RoomStateUpdate maxMembers. */
        maxMembers: number;

        /**
         * Creates a new RoomStateUpdate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomStateUpdate instance
         */
        static create(properties: voice.RoomStateUpdate.$Shape): voice.RoomStateUpdate & voice.RoomStateUpdate.$Shape;
        static create(properties?: voice.RoomStateUpdate.$Properties): voice.RoomStateUpdate;

        /**
         * Encodes the specified RoomStateUpdate message. Does not implicitly {@link voice.RoomStateUpdate.verify|verify} messages.
         * @param message RoomStateUpdate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomStateUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomStateUpdate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomStateUpdate & voice.RoomStateUpdate.$Shape} RoomStateUpdate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomStateUpdate & voice.RoomStateUpdate.$Shape;
    }

    namespace RoomStateUpdate {

        /** Properties of a RoomStateUpdate. */
        interface $Properties {

            /** RoomStateUpdate members */
            members?: (voice.RoomMemberState.$Properties[]|null);

            /** RoomStateUpdate speakingMode */
            speakingMode?: (voice.SpeakingMode|null);

            /** RoomStateUpdate activeSpeakers */
            activeSpeakers?: (string[]|null);

            /** RoomStateUpdate handQueue */
            handQueue?: (string[]|null);

            /** RoomStateUpdate turn */
            turn?: (voice.RoomTurn.$Properties|null);

            /** RoomStateUpdate media */
            media?: (string|null);

            /** RoomStateUpdate closed */
            closed?: (boolean|null);

            /** RoomStateUpdate maxMembers */
            maxMembers?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomStateUpdate. */
        type $Shape = voice.RoomStateUpdate.$Properties;
    }

    /**
     * Properties of a RoomMemberState.
     * @deprecated Use voice.RoomMemberState.$Properties instead.
     */
    interface IRoomMemberState extends voice.RoomMemberState.$Properties {
    }

    /** Represents a RoomMemberState. */
    class RoomMemberState {

        /**
         * Constructs a new RoomMemberState.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomMemberState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomMemberState account. */
        account: string;

        /** RoomMemberState nickname. */
        nickname: string;

        /** RoomMemberState avatar. */
        avatar: string;

        /** RoomMemberState role. */
        role?: (voice.MemberRole|null);

        /** RoomMemberState isMuted. */
        isMuted: boolean;

        /** RoomMemberState isSpeaking. */
        isSpeaking: boolean;

        /** RoomMemberState handRaised. */
        handRaised: boolean;

        /** RoomMemberState serverMuted. */
        serverMuted: boolean;

        /** RoomMemberState connected. */
        connected: boolean;

        /**
         * Creates a new RoomMemberState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomMemberState instance
         */
        static create(properties: voice.RoomMemberState.$Shape): voice.RoomMemberState & voice.RoomMemberState.$Shape;
        static create(properties?: voice.RoomMemberState.$Properties): voice.RoomMemberState;

        /**
         * Encodes the specified RoomMemberState message. Does not implicitly {@link voice.RoomMemberState.verify|verify} messages.
         * @param message RoomMemberState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomMemberState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomMemberState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomMemberState & voice.RoomMemberState.$Shape} RoomMemberState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomMemberState & voice.RoomMemberState.$Shape;
    }

    namespace RoomMemberState {

        /** Properties of a RoomMemberState. */
        interface $Properties {

            /** RoomMemberState account */
            account?: (string|null);

            /** RoomMemberState nickname */
            nickname?: (string|null);

            /** RoomMemberState avatar */
            avatar?: (string|null);

            /** RoomMemberState role */
            role?: (voice.MemberRole|null);

            /** RoomMemberState isMuted */
            isMuted?: (boolean|null);

            /** RoomMemberState isSpeaking */
            isSpeaking?: (boolean|null);

            /** RoomMemberState handRaised */
            handRaised?: (boolean|null);

            /** RoomMemberState serverMuted */
            serverMuted?: (boolean|null);

            /** RoomMemberState connected */
            connected?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomMemberState. */
        type $Shape = voice.RoomMemberState.$Properties;
    }

    /**
     * Properties of a RoomJoin.
     * @deprecated Use voice.RoomJoin.$Properties instead.
     */
    interface IRoomJoin extends voice.RoomJoin.$Properties {
    }

    /** Represents a RoomJoin. */
    class RoomJoin {

        /**
         * Constructs a new RoomJoin.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomJoin.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomJoin nickname. */
        nickname: string;

        /** RoomJoin canSend. */
        canSend: boolean;

        /**
         * Creates a new RoomJoin instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomJoin instance
         */
        static create(properties: voice.RoomJoin.$Shape): voice.RoomJoin & voice.RoomJoin.$Shape;
        static create(properties?: voice.RoomJoin.$Properties): voice.RoomJoin;

        /**
         * Encodes the specified RoomJoin message. Does not implicitly {@link voice.RoomJoin.verify|verify} messages.
         * @param message RoomJoin message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomJoin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomJoin message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomJoin & voice.RoomJoin.$Shape} RoomJoin
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomJoin & voice.RoomJoin.$Shape;
    }

    namespace RoomJoin {

        /** Properties of a RoomJoin. */
        interface $Properties {

            /** RoomJoin nickname */
            nickname?: (string|null);

            /** RoomJoin canSend */
            canSend?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomJoin. */
        type $Shape = voice.RoomJoin.$Properties;
    }

    /**
     * Properties of a RoomMute.
     * @deprecated Use voice.RoomMute.$Properties instead.
     */
    interface IRoomMute extends voice.RoomMute.$Properties {
    }

    /** Represents a RoomMute. */
    class RoomMute {

        /**
         * Constructs a new RoomMute.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomMute.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomMute account. */
        account: string;

        /** RoomMute muted. */
        muted: boolean;

        /**
         * Creates a new RoomMute instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomMute instance
         */
        static create(properties: voice.RoomMute.$Shape): voice.RoomMute & voice.RoomMute.$Shape;
        static create(properties?: voice.RoomMute.$Properties): voice.RoomMute;

        /**
         * Encodes the specified RoomMute message. Does not implicitly {@link voice.RoomMute.verify|verify} messages.
         * @param message RoomMute message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomMute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomMute message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomMute & voice.RoomMute.$Shape} RoomMute
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomMute & voice.RoomMute.$Shape;
    }

    namespace RoomMute {

        /** Properties of a RoomMute. */
        interface $Properties {

            /** RoomMute account */
            account?: (string|null);

            /** RoomMute muted */
            muted?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomMute. */
        type $Shape = voice.RoomMute.$Properties;
    }

    /**
     * Properties of a RoomRole.
     * @deprecated Use voice.RoomRole.$Properties instead.
     */
    interface IRoomRole extends voice.RoomRole.$Properties {
    }

    /** Represents a RoomRole. */
    class RoomRole {

        /**
         * Constructs a new RoomRole.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomRole.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomRole account. */
        account: string;

        /** RoomRole role. */
        role?: (voice.MemberRole|null);

        /**
         * Creates a new RoomRole instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomRole instance
         */
        static create(properties: voice.RoomRole.$Shape): voice.RoomRole & voice.RoomRole.$Shape;
        static create(properties?: voice.RoomRole.$Properties): voice.RoomRole;

        /**
         * Encodes the specified RoomRole message. Does not implicitly {@link voice.RoomRole.verify|verify} messages.
         * @param message RoomRole message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomRole.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomRole message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomRole & voice.RoomRole.$Shape} RoomRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomRole & voice.RoomRole.$Shape;
    }

    namespace RoomRole {

        /** Properties of a RoomRole. */
        interface $Properties {

            /** RoomRole account */
            account?: (string|null);

            /** RoomRole role */
            role?: (voice.MemberRole|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomRole. */
        type $Shape = voice.RoomRole.$Properties;
    }

    /**
     * Properties of a RoomKick.
     * @deprecated Use voice.RoomKick.$Properties instead.
     */
    interface IRoomKick extends voice.RoomKick.$Properties {
    }

    /** Represents a RoomKick. */
    class RoomKick {

        /**
         * Constructs a new RoomKick.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomKick.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomKick account. */
        account: string;

        /**
         * Creates a new RoomKick instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomKick instance
         */
        static create(properties: voice.RoomKick.$Shape): voice.RoomKick & voice.RoomKick.$Shape;
        static create(properties?: voice.RoomKick.$Properties): voice.RoomKick;

        /**
         * Encodes the specified RoomKick message. Does not implicitly {@link voice.RoomKick.verify|verify} messages.
         * @param message RoomKick message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomKick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomKick message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomKick & voice.RoomKick.$Shape} RoomKick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomKick & voice.RoomKick.$Shape;
    }

    namespace RoomKick {

        /** Properties of a RoomKick. */
        interface $Properties {

            /** RoomKick account */
            account?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomKick. */
        type $Shape = voice.RoomKick.$Properties;
    }

    /**
     * Properties of a RoomRaiseHand.
     * @deprecated Use voice.RoomRaiseHand.$Properties instead.
     */
    interface IRoomRaiseHand extends voice.RoomRaiseHand.$Properties {
    }

    /** Represents a RoomRaiseHand. */
    class RoomRaiseHand {

        /**
         * Constructs a new RoomRaiseHand.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomRaiseHand.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomRaiseHand raised. */
        raised: boolean;

        /** RoomRaiseHand account. */
        account: string;

        /** RoomRaiseHand approved. */
        approved?: (boolean|null);

        /**
         * Creates a new RoomRaiseHand instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomRaiseHand instance
         */
        static create(properties: voice.RoomRaiseHand.$Shape): voice.RoomRaiseHand & voice.RoomRaiseHand.$Shape;
        static create(properties?: voice.RoomRaiseHand.$Properties): voice.RoomRaiseHand;

        /**
         * Encodes the specified RoomRaiseHand message. Does not implicitly {@link voice.RoomRaiseHand.verify|verify} messages.
         * @param message RoomRaiseHand message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomRaiseHand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomRaiseHand message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomRaiseHand & voice.RoomRaiseHand.$Shape} RoomRaiseHand
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomRaiseHand & voice.RoomRaiseHand.$Shape;
    }

    namespace RoomRaiseHand {

        /** Properties of a RoomRaiseHand. */
        interface $Properties {

            /** RoomRaiseHand raised */
            raised?: (boolean|null);

            /** RoomRaiseHand account */
            account?: (string|null);

            /** RoomRaiseHand approved */
            approved?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomRaiseHand. */
        type $Shape = voice.RoomRaiseHand.$Properties;
    }

    /**
     * Properties of a RoomSpeaking.
     * @deprecated Use voice.RoomSpeaking.$Properties instead.
     */
    interface IRoomSpeaking extends voice.RoomSpeaking.$Properties {
    }

    /** Represents a RoomSpeaking. */
    class RoomSpeaking {

        /**
         * Constructs a new RoomSpeaking.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomSpeaking.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomSpeaking activeSpeakers. */
        activeSpeakers: string[];

        /**
         * Creates a new RoomSpeaking instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomSpeaking instance
         */
        static create(properties: voice.RoomSpeaking.$Shape): voice.RoomSpeaking & voice.RoomSpeaking.$Shape;
        static create(properties?: voice.RoomSpeaking.$Properties): voice.RoomSpeaking;

        /**
         * Encodes the specified RoomSpeaking message. Does not implicitly {@link voice.RoomSpeaking.verify|verify} messages.
         * @param message RoomSpeaking message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomSpeaking.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomSpeaking message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomSpeaking & voice.RoomSpeaking.$Shape} RoomSpeaking
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomSpeaking & voice.RoomSpeaking.$Shape;
    }

    namespace RoomSpeaking {

        /** Properties of a RoomSpeaking. */
        interface $Properties {

            /** RoomSpeaking activeSpeakers */
            activeSpeakers?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomSpeaking. */
        type $Shape = voice.RoomSpeaking.$Properties;
    }

    /**
     * Properties of a RoomTurn.
     * @deprecated Use voice.RoomTurn.$Properties instead.
     */
    interface IRoomTurn extends voice.RoomTurn.$Properties {
    }

    /** Represents a RoomTurn. */
    class RoomTurn {

        /**
         * Constructs a new RoomTurn.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomTurn.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomTurn account. */
        account: string;

        /** RoomTurn endsAt. */
        endsAt: Long;

        /** RoomTurn turnMs. */
        turnMs: number;

        /** RoomTurn queue. */
        queue: string[];

        /**
         * Creates a new RoomTurn instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomTurn instance
         */
        static create(properties: voice.RoomTurn.$Shape): voice.RoomTurn & voice.RoomTurn.$Shape;
        static create(properties?: voice.RoomTurn.$Properties): voice.RoomTurn;

        /**
         * Encodes the specified RoomTurn message. Does not implicitly {@link voice.RoomTurn.verify|verify} messages.
         * @param message RoomTurn message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomTurn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomTurn message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomTurn & voice.RoomTurn.$Shape} RoomTurn
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomTurn & voice.RoomTurn.$Shape;
    }

    namespace RoomTurn {

        /** Properties of a RoomTurn. */
        interface $Properties {

            /** RoomTurn account */
            account?: (string|null);

            /** RoomTurn endsAt */
            endsAt?: (Long|null);

            /** RoomTurn turnMs */
            turnMs?: (number|null);

            /** RoomTurn queue */
            queue?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomTurn. */
        type $Shape = voice.RoomTurn.$Properties;
    }

    /**
     * Properties of a RoomModeration.
     * @deprecated Use voice.RoomModeration.$Properties instead.
     */
    interface IRoomModeration extends voice.RoomModeration.$Properties {
    }

    /** Represents a RoomModeration. */
    class RoomModeration {

        /**
         * Constructs a new RoomModeration.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomModeration.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomModeration action. */
        action: string;

        /** RoomModeration target. */
        target: string;

        /** RoomModeration ok. */
        ok: boolean;

        /** RoomModeration code. */
        code: string;

        /**
         * Creates a new RoomModeration instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomModeration instance
         */
        static create(properties: voice.RoomModeration.$Shape): voice.RoomModeration & voice.RoomModeration.$Shape;
        static create(properties?: voice.RoomModeration.$Properties): voice.RoomModeration;

        /**
         * Encodes the specified RoomModeration message. Does not implicitly {@link voice.RoomModeration.verify|verify} messages.
         * @param message RoomModeration message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomModeration.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomModeration message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomModeration & voice.RoomModeration.$Shape} RoomModeration
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomModeration & voice.RoomModeration.$Shape;
    }

    namespace RoomModeration {

        /** Properties of a RoomModeration. */
        interface $Properties {

            /** RoomModeration action */
            action?: (string|null);

            /** RoomModeration target */
            target?: (string|null);

            /** RoomModeration ok */
            ok?: (boolean|null);

            /** RoomModeration code */
            code?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomModeration. */
        type $Shape = voice.RoomModeration.$Properties;
    }

    /**
     * Properties of a RoomMode.
     * @deprecated Use voice.RoomMode.$Properties instead.
     */
    interface IRoomMode extends voice.RoomMode.$Properties {
    }

    /** Represents a RoomMode. */
    class RoomMode {

        /**
         * Constructs a new RoomMode.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomMode.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomMode speakingMode. */
        speakingMode?: (voice.SpeakingMode|null);

        /** RoomMode turnMs. */
        turnMs: number;

        /**
         * Creates a new RoomMode instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomMode instance
         */
        static create(properties: voice.RoomMode.$Shape): voice.RoomMode & voice.RoomMode.$Shape;
        static create(properties?: voice.RoomMode.$Properties): voice.RoomMode;

        /**
         * Encodes the specified RoomMode message. Does not implicitly {@link voice.RoomMode.verify|verify} messages.
         * @param message RoomMode message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomMode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomMode message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomMode & voice.RoomMode.$Shape} RoomMode
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomMode & voice.RoomMode.$Shape;
    }

    namespace RoomMode {

        /** Properties of a RoomMode. */
        interface $Properties {

            /** RoomMode speakingMode */
            speakingMode?: (voice.SpeakingMode|null);

            /** RoomMode turnMs */
            turnMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomMode. */
        type $Shape = voice.RoomMode.$Properties;
    }

    /**
     * Properties of a RoomJsep.
     * @deprecated Use voice.RoomJsep.$Properties instead.
     */
    interface IRoomJsep extends voice.RoomJsep.$Properties {
    }

    /** Represents a RoomJsep. */
    class RoomJsep {

        /**
         * Constructs a new RoomJsep.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomJsep.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomJsep type. */
        type: string;

        /** RoomJsep sdp. */
        sdp: string;

        /**
         * Creates a new RoomJsep instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomJsep instance
         */
        static create(properties: voice.RoomJsep.$Shape): voice.RoomJsep & voice.RoomJsep.$Shape;
        static create(properties?: voice.RoomJsep.$Properties): voice.RoomJsep;

        /**
         * Encodes the specified RoomJsep message. Does not implicitly {@link voice.RoomJsep.verify|verify} messages.
         * @param message RoomJsep message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomJsep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomJsep message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomJsep & voice.RoomJsep.$Shape} RoomJsep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomJsep & voice.RoomJsep.$Shape;
    }

    namespace RoomJsep {

        /** Properties of a RoomJsep. */
        interface $Properties {

            /** RoomJsep type */
            type?: (string|null);

            /** RoomJsep sdp */
            sdp?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomJsep. */
        type $Shape = voice.RoomJsep.$Properties;
    }

    /**
     * Properties of a RoomTrickle.
     * @deprecated Use voice.RoomTrickle.$Properties instead.
     */
    interface IRoomTrickle extends voice.RoomTrickle.$Properties {
    }

    /** Represents a RoomTrickle. */
    class RoomTrickle {

        /**
         * Constructs a new RoomTrickle.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomTrickle.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomTrickle candidate. */
        candidate?: (voice.IceCandidate.$Properties|null);

        /** RoomTrickle completed. */
        completed: boolean;

        /**
         * Creates a new RoomTrickle instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomTrickle instance
         */
        static create(properties: voice.RoomTrickle.$Shape): voice.RoomTrickle & voice.RoomTrickle.$Shape;
        static create(properties?: voice.RoomTrickle.$Properties): voice.RoomTrickle;

        /**
         * Encodes the specified RoomTrickle message. Does not implicitly {@link voice.RoomTrickle.verify|verify} messages.
         * @param message RoomTrickle message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomTrickle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomTrickle message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomTrickle & voice.RoomTrickle.$Shape} RoomTrickle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomTrickle & voice.RoomTrickle.$Shape;
    }

    namespace RoomTrickle {

        /** Properties of a RoomTrickle. */
        interface $Properties {

            /** RoomTrickle candidate */
            candidate?: (voice.IceCandidate.$Properties|null);

            /** RoomTrickle completed */
            completed?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomTrickle. */
        type $Shape = voice.RoomTrickle.$Properties;
    }

    /**
     * Properties of a RoomTip.
     * @deprecated Use voice.RoomTip.$Properties instead.
     */
    interface IRoomTip extends voice.RoomTip.$Properties {
    }

    /** Represents a RoomTip. */
    class RoomTip {

        /**
         * Constructs a new RoomTip.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.RoomTip.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoomTip to. */
        to: string;

        /** RoomTip amount. */
        amount: string;

        /** RoomTip blockHash. */
        blockHash: Uint8Array;

        /**
         * Creates a new RoomTip instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoomTip instance
         */
        static create(properties: voice.RoomTip.$Shape): voice.RoomTip & voice.RoomTip.$Shape;
        static create(properties?: voice.RoomTip.$Properties): voice.RoomTip;

        /**
         * Encodes the specified RoomTip message. Does not implicitly {@link voice.RoomTip.verify|verify} messages.
         * @param message RoomTip message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.RoomTip.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoomTip message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.RoomTip & voice.RoomTip.$Shape} RoomTip
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.RoomTip & voice.RoomTip.$Shape;
    }

    namespace RoomTip {

        /** Properties of a RoomTip. */
        interface $Properties {

            /** RoomTip to */
            to?: (string|null);

            /** RoomTip amount */
            amount?: (string|null);

            /** RoomTip blockHash */
            blockHash?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoomTip. */
        type $Shape = voice.RoomTip.$Properties;
    }

    /**
     * Properties of an AuthChallenge.
     * @deprecated Use voice.AuthChallenge.$Properties instead.
     */
    interface IAuthChallenge extends voice.AuthChallenge.$Properties {
    }

    /** Represents an AuthChallenge. */
    class AuthChallenge {

        /**
         * Constructs a new AuthChallenge.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.AuthChallenge.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthChallenge challenge. */
        challenge: Uint8Array;

        /** AuthChallenge serverTime. */
        serverTime: Long;

        /** AuthChallenge serverId. */
        serverId: string;

        /** AuthChallenge genesisHash. */
        genesisHash: Uint8Array;

        /**
         * Creates a new AuthChallenge instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthChallenge instance
         */
        static create(properties: voice.AuthChallenge.$Shape): voice.AuthChallenge & voice.AuthChallenge.$Shape;
        static create(properties?: voice.AuthChallenge.$Properties): voice.AuthChallenge;

        /**
         * Encodes the specified AuthChallenge message. Does not implicitly {@link voice.AuthChallenge.verify|verify} messages.
         * @param message AuthChallenge message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.AuthChallenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthChallenge message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.AuthChallenge & voice.AuthChallenge.$Shape} AuthChallenge
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.AuthChallenge & voice.AuthChallenge.$Shape;
    }

    namespace AuthChallenge {

        /** Properties of an AuthChallenge. */
        interface $Properties {

            /** AuthChallenge challenge */
            challenge?: (Uint8Array|null);

            /** AuthChallenge serverTime */
            serverTime?: (Long|null);

            /** AuthChallenge serverId */
            serverId?: (string|null);

            /** AuthChallenge genesisHash */
            genesisHash?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthChallenge. */
        type $Shape = voice.AuthChallenge.$Properties;
    }

    /**
     * Properties of an AuthResponse.
     * @deprecated Use voice.AuthResponse.$Properties instead.
     */
    interface IAuthResponse extends voice.AuthResponse.$Properties {
    }

    /** Represents an AuthResponse. */
    class AuthResponse {

        /**
         * Constructs a new AuthResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.AuthResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthResponse delegation. */
        delegation?: (voice.SessionDelegation.$Properties|null);

        /** AuthResponse challengeSignature. */
        challengeSignature: Uint8Array;

        /**
         * Creates a new AuthResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthResponse instance
         */
        static create(properties: voice.AuthResponse.$Shape): voice.AuthResponse & voice.AuthResponse.$Shape;
        static create(properties?: voice.AuthResponse.$Properties): voice.AuthResponse;

        /**
         * Encodes the specified AuthResponse message. Does not implicitly {@link voice.AuthResponse.verify|verify} messages.
         * @param message AuthResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.AuthResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.AuthResponse & voice.AuthResponse.$Shape} AuthResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.AuthResponse & voice.AuthResponse.$Shape;
    }

    namespace AuthResponse {

        /** Properties of an AuthResponse. */
        interface $Properties {

            /** AuthResponse delegation */
            delegation?: (voice.SessionDelegation.$Properties|null);

            /** AuthResponse challengeSignature */
            challengeSignature?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthResponse. */
        type $Shape = voice.AuthResponse.$Properties;
    }

    /**
     * Properties of an AuthOk.
     * @deprecated Use voice.AuthOk.$Properties instead.
     */
    interface IAuthOk extends voice.AuthOk.$Properties {
    }

    /** Represents an AuthOk. */
    class AuthOk {

        /**
         * Constructs a new AuthOk.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.AuthOk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthOk account. */
        account: string;

        /** AuthOk expiresAt. */
        expiresAt: Long;

        /** AuthOk iceServers. */
        iceServers: voice.IceServer.$Properties[];

        /** AuthOk serverId. */
        serverId: string;

        /** AuthOk serverTime. */
        serverTime: Long;

        /** AuthOk heartbeatIntervalMs. */
        heartbeatIntervalMs: number;

        /** AuthOk iceExpiresAt. */
        iceExpiresAt: Long;

        /**
         * Creates a new AuthOk instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthOk instance
         */
        static create(properties: voice.AuthOk.$Shape): voice.AuthOk & voice.AuthOk.$Shape;
        static create(properties?: voice.AuthOk.$Properties): voice.AuthOk;

        /**
         * Encodes the specified AuthOk message. Does not implicitly {@link voice.AuthOk.verify|verify} messages.
         * @param message AuthOk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.AuthOk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthOk message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.AuthOk & voice.AuthOk.$Shape} AuthOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.AuthOk & voice.AuthOk.$Shape;
    }

    namespace AuthOk {

        /** Properties of an AuthOk. */
        interface $Properties {

            /** AuthOk account */
            account?: (string|null);

            /** AuthOk expiresAt */
            expiresAt?: (Long|null);

            /** AuthOk iceServers */
            iceServers?: (voice.IceServer.$Properties[]|null);

            /** AuthOk serverId */
            serverId?: (string|null);

            /** AuthOk serverTime */
            serverTime?: (Long|null);

            /** AuthOk heartbeatIntervalMs */
            heartbeatIntervalMs?: (number|null);

            /** AuthOk iceExpiresAt */
            iceExpiresAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthOk. */
        type $Shape = voice.AuthOk.$Properties;
    }

    /**
     * Properties of an IceServer.
     * @deprecated Use voice.IceServer.$Properties instead.
     */
    interface IIceServer extends voice.IceServer.$Properties {
    }

    /** Represents an IceServer. */
    class IceServer {

        /**
         * Constructs a new IceServer.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.IceServer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IceServer urls. */
        urls: string[];

        /** IceServer username. */
        username: string;

        /** IceServer credential. */
        credential: string;

        /**
         * Creates a new IceServer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IceServer instance
         */
        static create(properties: voice.IceServer.$Shape): voice.IceServer & voice.IceServer.$Shape;
        static create(properties?: voice.IceServer.$Properties): voice.IceServer;

        /**
         * Encodes the specified IceServer message. Does not implicitly {@link voice.IceServer.verify|verify} messages.
         * @param message IceServer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.IceServer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IceServer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.IceServer & voice.IceServer.$Shape} IceServer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.IceServer & voice.IceServer.$Shape;
    }

    namespace IceServer {

        /** Properties of an IceServer. */
        interface $Properties {

            /** IceServer urls */
            urls?: (string[]|null);

            /** IceServer username */
            username?: (string|null);

            /** IceServer credential */
            credential?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IceServer. */
        type $Shape = voice.IceServer.$Properties;
    }

    /**
     * Properties of a TurnCredentials.
     * @deprecated Use voice.TurnCredentials.$Properties instead.
     */
    interface ITurnCredentials extends voice.TurnCredentials.$Properties {
    }

    /** Represents a TurnCredentials. */
    class TurnCredentials {

        /**
         * Constructs a new TurnCredentials.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.TurnCredentials.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TurnCredentials iceServers. */
        iceServers: voice.IceServer.$Properties[];

        /** TurnCredentials expiresAt. */
        expiresAt: Long;

        /**
         * Creates a new TurnCredentials instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TurnCredentials instance
         */
        static create(properties: voice.TurnCredentials.$Shape): voice.TurnCredentials & voice.TurnCredentials.$Shape;
        static create(properties?: voice.TurnCredentials.$Properties): voice.TurnCredentials;

        /**
         * Encodes the specified TurnCredentials message. Does not implicitly {@link voice.TurnCredentials.verify|verify} messages.
         * @param message TurnCredentials message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.TurnCredentials.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TurnCredentials message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.TurnCredentials & voice.TurnCredentials.$Shape} TurnCredentials
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.TurnCredentials & voice.TurnCredentials.$Shape;
    }

    namespace TurnCredentials {

        /** Properties of a TurnCredentials. */
        interface $Properties {

            /** TurnCredentials iceServers */
            iceServers?: (voice.IceServer.$Properties[]|null);

            /** TurnCredentials expiresAt */
            expiresAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TurnCredentials. */
        type $Shape = voice.TurnCredentials.$Properties;
    }

    /**
     * Properties of a SessionDelegation.
     * @deprecated Use voice.SessionDelegation.$Properties instead.
     */
    interface ISessionDelegation extends voice.SessionDelegation.$Properties {
    }

    /** Represents a SessionDelegation. */
    class SessionDelegation {

        /**
         * Constructs a new SessionDelegation.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.SessionDelegation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SessionDelegation domain. */
        domain: string;

        /** SessionDelegation account. */
        account: string;

        /** SessionDelegation sessionPublicKey. */
        sessionPublicKey: Uint8Array;

        /** SessionDelegation genesisHash. */
        genesisHash: Uint8Array;

        /** SessionDelegation origin. */
        origin: string;

        /** SessionDelegation issuedAt. */
        issuedAt: Long;

        /** SessionDelegation expiresAt. */
        expiresAt: Long;

        /** SessionDelegation walletSignature. */
        walletSignature: Uint8Array;

        /** SessionDelegation keyType. */
        keyType: voice.KeyType;

        /**
         * Creates a new SessionDelegation instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SessionDelegation instance
         */
        static create(properties: voice.SessionDelegation.$Shape): voice.SessionDelegation & voice.SessionDelegation.$Shape;
        static create(properties?: voice.SessionDelegation.$Properties): voice.SessionDelegation;

        /**
         * Encodes the specified SessionDelegation message. Does not implicitly {@link voice.SessionDelegation.verify|verify} messages.
         * @param message SessionDelegation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.SessionDelegation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SessionDelegation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.SessionDelegation & voice.SessionDelegation.$Shape} SessionDelegation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.SessionDelegation & voice.SessionDelegation.$Shape;
    }

    namespace SessionDelegation {

        /** Properties of a SessionDelegation. */
        interface $Properties {

            /** SessionDelegation domain */
            domain?: (string|null);

            /** SessionDelegation account */
            account?: (string|null);

            /** SessionDelegation sessionPublicKey */
            sessionPublicKey?: (Uint8Array|null);

            /** SessionDelegation genesisHash */
            genesisHash?: (Uint8Array|null);

            /** SessionDelegation origin */
            origin?: (string|null);

            /** SessionDelegation issuedAt */
            issuedAt?: (Long|null);

            /** SessionDelegation expiresAt */
            expiresAt?: (Long|null);

            /** SessionDelegation walletSignature */
            walletSignature?: (Uint8Array|null);

            /** SessionDelegation keyType */
            keyType?: (voice.KeyType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SessionDelegation. */
        type $Shape = voice.SessionDelegation.$Properties;
    }

    /** KeyType enum. */
    enum KeyType {

        /** SR25519 value */
        SR25519 = 0,

        /** ED25519 value */
        ED25519 = 1,

        /** ECDSA value */
        ECDSA = 2
    }

    /**
     * Properties of a DelegationLookup.
     * @deprecated Use voice.DelegationLookup.$Properties instead.
     */
    interface IDelegationLookup extends voice.DelegationLookup.$Properties {
    }

    /** Represents a DelegationLookup. */
    class DelegationLookup {

        /**
         * Constructs a new DelegationLookup.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.DelegationLookup.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DelegationLookup account. */
        account: string;

        /** DelegationLookup sessionKey. */
        sessionKey: Uint8Array;

        /**
         * Creates a new DelegationLookup instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DelegationLookup instance
         */
        static create(properties: voice.DelegationLookup.$Shape): voice.DelegationLookup & voice.DelegationLookup.$Shape;
        static create(properties?: voice.DelegationLookup.$Properties): voice.DelegationLookup;

        /**
         * Encodes the specified DelegationLookup message. Does not implicitly {@link voice.DelegationLookup.verify|verify} messages.
         * @param message DelegationLookup message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.DelegationLookup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DelegationLookup message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.DelegationLookup & voice.DelegationLookup.$Shape} DelegationLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.DelegationLookup & voice.DelegationLookup.$Shape;
    }

    namespace DelegationLookup {

        /** Properties of a DelegationLookup. */
        interface $Properties {

            /** DelegationLookup account */
            account?: (string|null);

            /** DelegationLookup sessionKey */
            sessionKey?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DelegationLookup. */
        type $Shape = voice.DelegationLookup.$Properties;
    }

    /**
     * Properties of a DelegationResult.
     * @deprecated Use voice.DelegationResult.$Properties instead.
     */
    interface IDelegationResult extends voice.DelegationResult.$Properties {
    }

    /** Represents a DelegationResult. */
    class DelegationResult {

        /**
         * Constructs a new DelegationResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.DelegationResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DelegationResult delegations. */
        delegations: voice.SessionDelegation.$Properties[];

        /**
         * Creates a new DelegationResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DelegationResult instance
         */
        static create(properties: voice.DelegationResult.$Shape): voice.DelegationResult & voice.DelegationResult.$Shape;
        static create(properties?: voice.DelegationResult.$Properties): voice.DelegationResult;

        /**
         * Encodes the specified DelegationResult message. Does not implicitly {@link voice.DelegationResult.verify|verify} messages.
         * @param message DelegationResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.DelegationResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DelegationResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.DelegationResult & voice.DelegationResult.$Shape} DelegationResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.DelegationResult & voice.DelegationResult.$Shape;
    }

    namespace DelegationResult {

        /** Properties of a DelegationResult. */
        interface $Properties {

            /** DelegationResult delegations */
            delegations?: (voice.SessionDelegation.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DelegationResult. */
        type $Shape = voice.DelegationResult.$Properties;
    }

    /**
     * Properties of a DeviceKeyBundle.
     * @deprecated Use voice.DeviceKeyBundle.$Properties instead.
     */
    interface IDeviceKeyBundle extends voice.DeviceKeyBundle.$Properties {
    }

    /** Represents a DeviceKeyBundle. */
    class DeviceKeyBundle {

        /**
         * Constructs a new DeviceKeyBundle.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.DeviceKeyBundle.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeviceKeyBundle account. */
        account: string;

        /** DeviceKeyBundle deviceId. */
        deviceId: Uint8Array;

        /** DeviceKeyBundle encryptionKey. */
        encryptionKey: Uint8Array;

        /** DeviceKeyBundle signingKey. */
        signingKey: Uint8Array;

        /** DeviceKeyBundle createdAt. */
        createdAt: Long;

        /** DeviceKeyBundle walletSignature. */
        walletSignature: Uint8Array;

        /** DeviceKeyBundle keyType. */
        keyType: voice.KeyType;

        /** DeviceKeyBundle prekeys. */
        prekeys: voice.SignedPrekey.$Properties[];

        /**
         * Creates a new DeviceKeyBundle instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeviceKeyBundle instance
         */
        static create(properties: voice.DeviceKeyBundle.$Shape): voice.DeviceKeyBundle & voice.DeviceKeyBundle.$Shape;
        static create(properties?: voice.DeviceKeyBundle.$Properties): voice.DeviceKeyBundle;

        /**
         * Encodes the specified DeviceKeyBundle message. Does not implicitly {@link voice.DeviceKeyBundle.verify|verify} messages.
         * @param message DeviceKeyBundle message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.DeviceKeyBundle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeviceKeyBundle message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.DeviceKeyBundle & voice.DeviceKeyBundle.$Shape} DeviceKeyBundle
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.DeviceKeyBundle & voice.DeviceKeyBundle.$Shape;
    }

    namespace DeviceKeyBundle {

        /** Properties of a DeviceKeyBundle. */
        interface $Properties {

            /** DeviceKeyBundle account */
            account?: (string|null);

            /** DeviceKeyBundle deviceId */
            deviceId?: (Uint8Array|null);

            /** DeviceKeyBundle encryptionKey */
            encryptionKey?: (Uint8Array|null);

            /** DeviceKeyBundle signingKey */
            signingKey?: (Uint8Array|null);

            /** DeviceKeyBundle createdAt */
            createdAt?: (Long|null);

            /** DeviceKeyBundle walletSignature */
            walletSignature?: (Uint8Array|null);

            /** DeviceKeyBundle keyType */
            keyType?: (voice.KeyType|null);

            /** DeviceKeyBundle prekeys */
            prekeys?: (voice.SignedPrekey.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeviceKeyBundle. */
        type $Shape = voice.DeviceKeyBundle.$Properties;
    }

    /**
     * Properties of a SignedPrekey.
     * @deprecated Use voice.SignedPrekey.$Properties instead.
     */
    interface ISignedPrekey extends voice.SignedPrekey.$Properties {
    }

    /** Represents a SignedPrekey. */
    class SignedPrekey {

        /**
         * Constructs a new SignedPrekey.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.SignedPrekey.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SignedPrekey id. */
        id: number;

        /** SignedPrekey publicKey. */
        publicKey: Uint8Array;

        /** SignedPrekey expiresAt. */
        expiresAt: Long;

        /** SignedPrekey signature. */
        signature: Uint8Array;

        /**
         * Creates a new SignedPrekey instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SignedPrekey instance
         */
        static create(properties: voice.SignedPrekey.$Shape): voice.SignedPrekey & voice.SignedPrekey.$Shape;
        static create(properties?: voice.SignedPrekey.$Properties): voice.SignedPrekey;

        /**
         * Encodes the specified SignedPrekey message. Does not implicitly {@link voice.SignedPrekey.verify|verify} messages.
         * @param message SignedPrekey message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.SignedPrekey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SignedPrekey message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.SignedPrekey & voice.SignedPrekey.$Shape} SignedPrekey
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.SignedPrekey & voice.SignedPrekey.$Shape;
    }

    namespace SignedPrekey {

        /** Properties of a SignedPrekey. */
        interface $Properties {

            /** SignedPrekey id */
            id?: (number|null);

            /** SignedPrekey publicKey */
            publicKey?: (Uint8Array|null);

            /** SignedPrekey expiresAt */
            expiresAt?: (Long|null);

            /** SignedPrekey signature */
            signature?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SignedPrekey. */
        type $Shape = voice.SignedPrekey.$Properties;
    }

    /**
     * Properties of a KeysPublish.
     * @deprecated Use voice.KeysPublish.$Properties instead.
     */
    interface IKeysPublish extends voice.KeysPublish.$Properties {
    }

    /** Represents a KeysPublish. */
    class KeysPublish {

        /**
         * Constructs a new KeysPublish.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.KeysPublish.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeysPublish bundle. */
        bundle?: (voice.DeviceKeyBundle.$Properties|null);

        /**
         * Creates a new KeysPublish instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeysPublish instance
         */
        static create(properties: voice.KeysPublish.$Shape): voice.KeysPublish & voice.KeysPublish.$Shape;
        static create(properties?: voice.KeysPublish.$Properties): voice.KeysPublish;

        /**
         * Encodes the specified KeysPublish message. Does not implicitly {@link voice.KeysPublish.verify|verify} messages.
         * @param message KeysPublish message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.KeysPublish.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeysPublish message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.KeysPublish & voice.KeysPublish.$Shape} KeysPublish
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.KeysPublish & voice.KeysPublish.$Shape;
    }

    namespace KeysPublish {

        /** Properties of a KeysPublish. */
        interface $Properties {

            /** KeysPublish bundle */
            bundle?: (voice.DeviceKeyBundle.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeysPublish. */
        type $Shape = voice.KeysPublish.$Properties;
    }

    /**
     * Properties of a KeysLookup.
     * @deprecated Use voice.KeysLookup.$Properties instead.
     */
    interface IKeysLookup extends voice.KeysLookup.$Properties {
    }

    /** Represents a KeysLookup. */
    class KeysLookup {

        /**
         * Constructs a new KeysLookup.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.KeysLookup.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeysLookup account. */
        account: string;

        /** KeysLookup claimPrekeys. */
        claimPrekeys: boolean;

        /**
         * Creates a new KeysLookup instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeysLookup instance
         */
        static create(properties: voice.KeysLookup.$Shape): voice.KeysLookup & voice.KeysLookup.$Shape;
        static create(properties?: voice.KeysLookup.$Properties): voice.KeysLookup;

        /**
         * Encodes the specified KeysLookup message. Does not implicitly {@link voice.KeysLookup.verify|verify} messages.
         * @param message KeysLookup message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.KeysLookup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeysLookup message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.KeysLookup & voice.KeysLookup.$Shape} KeysLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.KeysLookup & voice.KeysLookup.$Shape;
    }

    namespace KeysLookup {

        /** Properties of a KeysLookup. */
        interface $Properties {

            /** KeysLookup account */
            account?: (string|null);

            /** KeysLookup claimPrekeys */
            claimPrekeys?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeysLookup. */
        type $Shape = voice.KeysLookup.$Properties;
    }

    /**
     * Properties of a KeysResult.
     * @deprecated Use voice.KeysResult.$Properties instead.
     */
    interface IKeysResult extends voice.KeysResult.$Properties {
    }

    /** Represents a KeysResult. */
    class KeysResult {

        /**
         * Constructs a new KeysResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.KeysResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeysResult devices. */
        devices: voice.DeviceKeyBundle.$Properties[];

        /** KeysResult prekeysLeft. */
        prekeysLeft: number[];

        /**
         * Creates a new KeysResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeysResult instance
         */
        static create(properties: voice.KeysResult.$Shape): voice.KeysResult & voice.KeysResult.$Shape;
        static create(properties?: voice.KeysResult.$Properties): voice.KeysResult;

        /**
         * Encodes the specified KeysResult message. Does not implicitly {@link voice.KeysResult.verify|verify} messages.
         * @param message KeysResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.KeysResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeysResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.KeysResult & voice.KeysResult.$Shape} KeysResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.KeysResult & voice.KeysResult.$Shape;
    }

    namespace KeysResult {

        /** Properties of a KeysResult. */
        interface $Properties {

            /** KeysResult devices */
            devices?: (voice.DeviceKeyBundle.$Properties[]|null);

            /** KeysResult prekeysLeft */
            prekeysLeft?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeysResult. */
        type $Shape = voice.KeysResult.$Properties;
    }

    /**
     * Properties of an ErrorMessage.
     * @deprecated Use voice.ErrorMessage.$Properties instead.
     */
    interface IErrorMessage extends voice.ErrorMessage.$Properties {
    }

    /** Represents an ErrorMessage. */
    class ErrorMessage {

        /**
         * Constructs a new ErrorMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.ErrorMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ErrorMessage code. */
        code: string;

        /** ErrorMessage message. */
        message: string;

        /** ErrorMessage refType. */
        refType?: (voice.SignalType|null);

        /** ErrorMessage detail. */
        detail: number;

        /**
         * Creates a new ErrorMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ErrorMessage instance
         */
        static create(properties: voice.ErrorMessage.$Shape): voice.ErrorMessage & voice.ErrorMessage.$Shape;
        static create(properties?: voice.ErrorMessage.$Properties): voice.ErrorMessage;

        /**
         * Encodes the specified ErrorMessage message. Does not implicitly {@link voice.ErrorMessage.verify|verify} messages.
         * @param message ErrorMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.ErrorMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ErrorMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.ErrorMessage & voice.ErrorMessage.$Shape} ErrorMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.ErrorMessage & voice.ErrorMessage.$Shape;
    }

    namespace ErrorMessage {

        /** Properties of an ErrorMessage. */
        interface $Properties {

            /** ErrorMessage code */
            code?: (string|null);

            /** ErrorMessage message */
            message?: (string|null);

            /** ErrorMessage refType */
            refType?: (voice.SignalType|null);

            /** ErrorMessage detail */
            detail?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ErrorMessage. */
        type $Shape = voice.ErrorMessage.$Properties;
    }

    /**
     * Properties of a VoiceMessageNotice.
     * @deprecated Use voice.VoiceMessageNotice.$Properties instead.
     */
    interface IVoiceMessageNotice extends voice.VoiceMessageNotice.$Properties {
    }

    /** Represents a VoiceMessageNotice. */
    class VoiceMessageNotice {

        /**
         * Constructs a new VoiceMessageNotice.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.VoiceMessageNotice.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceMessageNotice cid. */
        cid: string;

        /** VoiceMessageNotice burn. */
        burn: boolean;

        /** VoiceMessageNotice blockHash. */
        blockHash: string;

        /** VoiceMessageNotice durationMs. */
        durationMs: number;

        /** VoiceMessageNotice waveform. */
        waveform: Uint8Array;

        /** VoiceMessageNotice public. */
        public: boolean;

        /**
         * Creates a new VoiceMessageNotice instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VoiceMessageNotice instance
         */
        static create(properties: voice.VoiceMessageNotice.$Shape): voice.VoiceMessageNotice & voice.VoiceMessageNotice.$Shape;
        static create(properties?: voice.VoiceMessageNotice.$Properties): voice.VoiceMessageNotice;

        /**
         * Encodes the specified VoiceMessageNotice message. Does not implicitly {@link voice.VoiceMessageNotice.verify|verify} messages.
         * @param message VoiceMessageNotice message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.VoiceMessageNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceMessageNotice message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.VoiceMessageNotice & voice.VoiceMessageNotice.$Shape} VoiceMessageNotice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.VoiceMessageNotice & voice.VoiceMessageNotice.$Shape;
    }

    namespace VoiceMessageNotice {

        /** Properties of a VoiceMessageNotice. */
        interface $Properties {

            /** VoiceMessageNotice cid */
            cid?: (string|null);

            /** VoiceMessageNotice burn */
            burn?: (boolean|null);

            /** VoiceMessageNotice blockHash */
            blockHash?: (string|null);

            /** VoiceMessageNotice durationMs */
            durationMs?: (number|null);

            /** VoiceMessageNotice waveform */
            waveform?: (Uint8Array|null);

            /** VoiceMessageNotice public */
            "public"?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceMessageNotice. */
        type $Shape = voice.VoiceMessageNotice.$Properties;
    }

    /**
     * Properties of a VoiceEnvelope.
     * @deprecated Use voice.VoiceEnvelope.$Properties instead.
     */
    interface IVoiceEnvelope extends voice.VoiceEnvelope.$Properties {
    }

    /** Represents a VoiceEnvelope. */
    class VoiceEnvelope {

        /**
         * Constructs a new VoiceEnvelope.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.VoiceEnvelope.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceEnvelope version. */
        version: number;

        /** VoiceEnvelope mimeType. */
        mimeType: string;

        /** VoiceEnvelope keys. */
        keys: voice.WrappedKey.$Properties[];

        /** VoiceEnvelope burn. */
        burn: boolean;

        /** VoiceEnvelope iv. */
        iv: Uint8Array;

        /** VoiceEnvelope ciphertext. */
        ciphertext: Uint8Array;

        /** VoiceEnvelope sender. */
        sender: string;

        /** VoiceEnvelope createdAt. */
        createdAt: Long;

        /**
         * Creates a new VoiceEnvelope instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VoiceEnvelope instance
         */
        static create(properties: voice.VoiceEnvelope.$Shape): voice.VoiceEnvelope & voice.VoiceEnvelope.$Shape;
        static create(properties?: voice.VoiceEnvelope.$Properties): voice.VoiceEnvelope;

        /**
         * Encodes the specified VoiceEnvelope message. Does not implicitly {@link voice.VoiceEnvelope.verify|verify} messages.
         * @param message VoiceEnvelope message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.VoiceEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceEnvelope message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.VoiceEnvelope & voice.VoiceEnvelope.$Shape} VoiceEnvelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.VoiceEnvelope & voice.VoiceEnvelope.$Shape;
    }

    namespace VoiceEnvelope {

        /** Properties of a VoiceEnvelope. */
        interface $Properties {

            /** VoiceEnvelope version */
            version?: (number|null);

            /** VoiceEnvelope mimeType */
            mimeType?: (string|null);

            /** VoiceEnvelope keys */
            keys?: (voice.WrappedKey.$Properties[]|null);

            /** VoiceEnvelope burn */
            burn?: (boolean|null);

            /** VoiceEnvelope iv */
            iv?: (Uint8Array|null);

            /** VoiceEnvelope ciphertext */
            ciphertext?: (Uint8Array|null);

            /** VoiceEnvelope sender */
            sender?: (string|null);

            /** VoiceEnvelope createdAt */
            createdAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceEnvelope. */
        type $Shape = voice.VoiceEnvelope.$Properties;
    }

    /**
     * Properties of a WrappedKey.
     * @deprecated Use voice.WrappedKey.$Properties instead.
     */
    interface IWrappedKey extends voice.WrappedKey.$Properties {
    }

    /** Represents a WrappedKey. */
    class WrappedKey {

        /**
         * Constructs a new WrappedKey.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.WrappedKey.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WrappedKey account. */
        account: string;

        /** WrappedKey deviceId. */
        deviceId: Uint8Array;

        /** WrappedKey prekeyId. */
        prekeyId: number;

        /** WrappedKey ephemeralKey. */
        ephemeralKey: Uint8Array;

        /** WrappedKey wrappedKey. */
        wrappedKey: Uint8Array;

        /**
         * Creates a new WrappedKey instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WrappedKey instance
         */
        static create(properties: voice.WrappedKey.$Shape): voice.WrappedKey & voice.WrappedKey.$Shape;
        static create(properties?: voice.WrappedKey.$Properties): voice.WrappedKey;

        /**
         * Encodes the specified WrappedKey message. Does not implicitly {@link voice.WrappedKey.verify|verify} messages.
         * @param message WrappedKey message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.WrappedKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WrappedKey message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.WrappedKey & voice.WrappedKey.$Shape} WrappedKey
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.WrappedKey & voice.WrappedKey.$Shape;
    }

    namespace WrappedKey {

        /** Properties of a WrappedKey. */
        interface $Properties {

            /** WrappedKey account */
            account?: (string|null);

            /** WrappedKey deviceId */
            deviceId?: (Uint8Array|null);

            /** WrappedKey prekeyId */
            prekeyId?: (number|null);

            /** WrappedKey ephemeralKey */
            ephemeralKey?: (Uint8Array|null);

            /** WrappedKey wrappedKey */
            wrappedKey?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WrappedKey. */
        type $Shape = voice.WrappedKey.$Properties;
    }

    /**
     * Properties of a VoiceContent.
     * @deprecated Use voice.VoiceContent.$Properties instead.
     */
    interface IVoiceContent extends voice.VoiceContent.$Properties {
    }

    /** Represents a VoiceContent. */
    class VoiceContent {

        /**
         * Constructs a new VoiceContent.
         * @param [properties] Properties to set
         */
        constructor(properties?: voice.VoiceContent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VoiceContent audio. */
        audio: Uint8Array;

        /** VoiceContent durationMs. */
        durationMs: number;

        /** VoiceContent waveform. */
        waveform: Uint8Array;

        /** VoiceContent transcription. */
        transcription: string;

        /** VoiceContent mimeType. */
        mimeType: string;

        /** VoiceContent recordedAt. */
        recordedAt: Long;

        /**
         * Creates a new VoiceContent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VoiceContent instance
         */
        static create(properties: voice.VoiceContent.$Shape): voice.VoiceContent & voice.VoiceContent.$Shape;
        static create(properties?: voice.VoiceContent.$Properties): voice.VoiceContent;

        /**
         * Encodes the specified VoiceContent message. Does not implicitly {@link voice.VoiceContent.verify|verify} messages.
         * @param message VoiceContent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: voice.VoiceContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VoiceContent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {voice.VoiceContent & voice.VoiceContent.$Shape} VoiceContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): voice.VoiceContent & voice.VoiceContent.$Shape;
    }

    namespace VoiceContent {

        /** Properties of a VoiceContent. */
        interface $Properties {

            /** VoiceContent audio */
            audio?: (Uint8Array|null);

            /** VoiceContent durationMs */
            durationMs?: (number|null);

            /** VoiceContent waveform */
            waveform?: (Uint8Array|null);

            /** VoiceContent transcription */
            transcription?: (string|null);

            /** VoiceContent mimeType */
            mimeType?: (string|null);

            /** VoiceContent recordedAt */
            recordedAt?: (Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VoiceContent. */
        type $Shape = voice.VoiceContent.$Properties;
    }

    /** CallType enum. */
    enum CallType {

        /** AUDIO value */
        AUDIO = 0,

        /** VIDEO value */
        VIDEO = 1
    }

    /** MemberRole enum. */
    enum MemberRole {

        /** HOST value */
        HOST = 0,

        /** CO_HOST value */
        CO_HOST = 1,

        /** SPEAKER value */
        SPEAKER = 2,

        /** LISTENER value */
        LISTENER = 3
    }

    /** SpeakingMode enum. */
    enum SpeakingMode {

        /** FREE_SPEAK value */
        FREE_SPEAK = 0,

        /** HOST_ONLY value */
        HOST_ONLY = 1,

        /** RAISE_HAND value */
        RAISE_HAND = 2,

        /** SEQUENTIAL value */
        SEQUENTIAL = 3
    }

    /** RejectReason enum. */
    enum RejectReason {

        /** BUSY value */
        BUSY = 0,

        /** DECLINE value */
        DECLINE = 1,

        /** TIMEOUT value */
        TIMEOUT = 2,

        /** OFFLINE value */
        OFFLINE = 3
    }

    /** EndReason enum. */
    enum EndReason {

        /** NORMAL value */
        NORMAL = 0,

        /** CANCELLED value */
        CANCELLED = 1,

        /** NETWORK_ERROR value */
        NETWORK_ERROR = 2,

        /** END_TIMEOUT value */
        END_TIMEOUT = 3,

        /** TAMPERED value */
        TAMPERED = 4,

        /** REJECTED value */
        REJECTED = 5
    }
}
